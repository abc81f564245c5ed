import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/model/entity.ts';
import { ok } from '../helpers/workspace.ts';
import { useApp } from './support.ts';

const count = (page: Page) => page.getByTestId('result-count').textContent();
const workspaceName = (page: Page) => page.getByTestId('workspace-name').textContent();

async function menu(page: Page, item: string | RegExp): Promise<void> {
  await page.locator('.workspace-button').click();
  await page.getByRole('menuitem', { name: item }).click();
}

describe('workspaces in a real browser', () => {
  const app = useApp();

  it('creates an empty workspace, switches back through Recent, and restores a backup in one step', async () => {
    const { page, harness, screenshot } = await app.open({ locale: 'en-US', hash: '#/library' });
    page.on('dialog', (dialog) => void dialog.accept());
    await expect.poll(() => count(page)).toBe('168 entries');
    const folder = path.dirname(harness.server.context.workspace.path);

    await menu(page, 'New workspace…');
    await page.getByLabel('Workspace file').fill(path.join(folder, 'Client Beta.swb'));
    await page.getByLabel('Nothing: an empty workspace').check();
    await screenshot('workspace-new-en');
    await page.locator('dialog.dialog').getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => workspaceName(page)).toBe('Client Beta');
    await expect.poll(() => count(page)).toBe('0 entries');
    await expect.poll(() => page.title()).toBe('Library — Client Beta — Strategy Workbench');

    await menu(page, 'e2e');
    await expect.poll(() => workspaceName(page)).toBe('e2e');
    await expect.poll(() => count(page)).toBe('168 entries');

    // A backup by hand, a change, and the backup restored: the change is gone, and undoable.
    await menu(page, 'Backups…');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.locator('table.backups tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('table.backups').textContent()).toContain('By hand');
    await screenshot('workspace-backups-en');
    await page.getByRole('button', { name: 'Close' }).click();
    await ok(harness.server.router, 'kb.delete', { id: 'case/ibm-watson' });
    await expect.poll(() => count(page)).toBe('167 entries');
    await menu(page, 'Backups…');
    await page.locator('table.backups tbody tr', { hasText: 'By hand' }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => count(page)).toBe('168 entries');
    await expect.poll(() => page.locator('table.backups').textContent()).toContain('Before a restore');
  });

  it('moves knowledge into another workspace, asking what to do with an entry edited on both sides (中文)', async () => {
    const { page, harness, screenshot } = await app.open({ locale: 'zh-CN', hash: '#/library' });
    page.on('dialog', (dialog) => void dialog.accept());
    const router = harness.server.router;
    const { entity } = await ok<{ entity: Entity }>(router, 'kb.get', { id: 'case/ibm-watson' });
    const { id: _id, origin: _o, revision, createdAt: _c, updatedAt: _u, ...content } = entity;
    await ok(router, 'kb.update', { id: entity.id, revision, content: { ...content, title: { ...content.title, zh: 'IBM 沃森（客户甲修订）' } } });

    await menu(page, '导出数据包…');
    await page.locator('fieldset.checklist', { hasText: '知识库条目' }).getByLabel(/案例/).check();
    const download = page.waitForEvent('download');
    await page.locator('dialog.dialog').getByRole('button', { name: '导出', exact: true }).click();
    const file = (await (await download).path()) ?? '';
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'strategy-workbench.transfer' });

    // Another engagement's workspace, with the default content (its IBM Watson unedited).
    await menu(page, '新建工作区…');
    await page.getByLabel('工作区文件').fill(path.join(path.dirname(harness.server.context.workspace.path), 'client-b.swb'));
    await page.locator('dialog.dialog').getByRole('button', { name: '创建' }).click();
    await expect.poll(() => workspaceName(page)).toBe('client-b');

    await menu(page, '导入数据包…');
    await page.getByLabel('数据包文件（.json）').setInputFiles({ name: 'client-a.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expect.poll(() => page.getByTestId('transfer-summary').textContent()).toMatch(/1 项两边都修改过/);
    await page.getByRole('radiogroup', { name: '如何处理 case/ibm-watson' }).getByLabel('采用数据包的').check();
    await screenshot('workspace-import-conflicts-zh');
    await page.locator('dialog.dialog').getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.locator('.toasts').textContent()).toContain('已导入');
    const moved = await ok<{ entity: Entity }>(harness.server.router, 'kb.get', { id: 'case/ibm-watson' });
    expect(moved.entity.title.zh).toBe('IBM 沃森（客户甲修订）');
  });
});
