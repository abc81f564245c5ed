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
