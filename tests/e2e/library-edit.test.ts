import { describe, expect, it } from 'vitest';
import { useApp } from './support.ts';

describe('editing the library through the UI', () => {
  const app = useApp();

  it('creates, edits, relates, undoes and deletes an entry', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US' });

    // Create
    await page.getByRole('button', { name: 'New entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title · 中文').fill('客户 X 试点');
    await dialog.getByLabel('Title · English').fill('Client X pilot');
    await dialog.getByLabel('Summary · English').fill('A pilot of a subscription inference service.');
    await dialog.locator('label', { hasText: 'Outcome' }).locator('select').selectOption('success');
    await dialog.locator('label', { hasText: 'Source' }).locator('input').fill('Workshop 2026-11');
    await screenshot('editor-new-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const detail = page.getByRole('article');
    await expect.poll(() => detail.getByRole('heading', { level: 2 }).innerText()).toBe('Client X pilot');
    expect(page.url()).toContain('#/library/case/client-x-pilot');

    // Edit
    await detail.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog').getByLabel('Title · English').fill('Client X pilot (phase 1)');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => detail.getByRole('heading', { level: 2 }).innerText()).toBe('Client X pilot (phase 1)');

    // Relate
    await detail.getByRole('button', { name: 'Relate' }).click();
    const relate = page.getByRole('dialog');
    await relate.locator('select').selectOption('uses-model');
    await relate.getByLabel('Entry').fill('subscription');
    await relate.getByRole('option', { name: /Service subscription/ }).first().click();
    await relate.getByRole('button', { name: 'Relate' }).click();
    await expect.poll(() => detail.locator('.relation-list').innerText()).toContain('Service subscription');
    await screenshot('detail-related-en');

    // Edit the relation's note, then undo that
    await detail.getByRole('button', { name: /Edit the note of the relation to Service subscription/ }).click();
    await page.getByRole('dialog').getByLabel('Note · English').fill('Sold per seat');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => detail.locator('.relation-list').innerText()).toContain('Sold per seat');
    await page.getByRole('button', { name: /^Undo: edit a relation/ }).click();
    await expect.poll(() => detail.locator('.relation-list').innerText()).not.toContain('Sold per seat');

    // Undo the relation, then the edit
    const undo = page.getByRole('button', { name: /^Undo: relate/ });
    await undo.click();
    await expect.poll(() => detail.innerText()).toContain('No relations yet.');
    await page.getByRole('button', { name: /^Undo: edit/ }).click();
    await expect.poll(() => detail.getByRole('heading', { level: 2 }).innerText()).toBe('Client X pilot');

    // Delete (confirming), and it is gone from the list
    page.once('dialog', (d) => void d.accept());
    await detail.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.detail-pane').innerText()).toContain('Select an entry');
    await page.locator('#library-search').fill('Client X');
    await expect.poll(() => page.getByTestId('result-count').innerText()).toBe('0 matches');
  });

  it('rejects a malformed import file with its line, and a good one reports what it added', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US' });
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "strategy-workbench.kb",\n  "version": 1,\n  "entities": [ { "id": "case/x", } ]\n}\n'),
    });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/Line 4/);
    await screenshot('import-error-en');

    const markdown = ['---', 'kind: lesson', 'source: Workshop', 'title: { zh: 先做试点, en: Pilot first }', '---', '', '# Pilot first', '', '## English', '', 'Try it small before selling it big.', ''].join('\n');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'pilot.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/1 new/);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page.locator('#library-search').fill('Pilot first');
    await expect.poll(() => page.locator('.entity-row .title-text').first().innerText()).toBe('Pilot first');
  });

  it('says in Chinese what went wrong with a malformed file, keeping the line and the detail', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN' });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "strategy-workbench.kb",\n  "version": 1,\n  "entities": [ { "id": "case/x", } ]\n}\n'),
    });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('文件有问题，未写入任何内容。');
    expect(await alert.innerText()).toContain('broken.json');
    // The form and the message fit the dialog: nothing is cut off at its right edge.
    const body = dialog.locator('.dialog-body');
    expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot('import-error-zh');
  });

  it('shows the server’s validation problems at the fields, in Chinese', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN' });
    await page.getByRole('button', { name: '新建条目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await dialog.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await screenshot('editor-errors-zh');
  });
});
