import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support.ts';

const ranking = (page: Page) => page.getByTestId('ranking').locator('tbody tr td:nth-child(2)').allInnerTexts();

async function typeInto(page: Page, row: number, col: number, value: string) {
  await page.locator(`[data-cell="${row},${col}"]`).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

describe('decisions in a real browser', () => {
  const app = useApp();

  it('builds a decision, weighs it three ways, cites a case and exports the report', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US', hash: '#/decisions' });
    await page.getByRole('button', { name: 'New decision' }).click();
    await page.getByRole('button', { name: /Blank, 3 × 3/ }).click();
    await page.getByLabel('Decision title').fill('Which go-to-market?');

    // Name the options and criteria, and type the scores with the keyboard.
    for (const [i, name] of ['Direct sales', 'Cloud marketplace', 'Channel partners'].entries()) await page.getByLabel(`Name of option ${i + 1}`).fill(name);
    for (const [j, name] of ['Revenue', 'Speed', 'Cost'].entries()) await page.getByLabel(`Name of criterion ${j + 1}`).fill(name);
    await page.getByRole('button', { name: /^Cost: Benefit/ }).click(); // the third criterion is a cost
    const scores = [
      ['5', '2', '5'],
      ['3', '5', '2'],
      ['4', '3', '3'],
    ];
    for (const [i, row] of scores.entries()) for (const [j, v] of row.entries()) await typeInto(page, i, j, v);
    await expect.poll(() => ranking(page)).toHaveLength(3);

    // Move the weight sliders: revenue first puts direct sales on top; speed first, the marketplace.
    await page.getByLabel('Speed', { exact: true }).fill('0');
    await page.getByLabel('Cost', { exact: true }).fill('0');
    await page.getByLabel('Revenue', { exact: true }).fill('100');
    await expect.poll(async () => (await ranking(page))[0]).toBe('Direct sales');
    await page.getByLabel('Speed', { exact: true }).fill('100');
    await page.getByLabel('Revenue', { exact: true }).fill('0');
    await expect.poll(async () => (await ranking(page))[0]).toBe('Cloud marketplace');

    // Rank the criteria instead (rank-order centroid weights).
    await page.getByRole('button', { name: 'Ranking' }).click();
    await expect.poll(() => page.locator('.ranking-list .name').allInnerTexts()).toHaveLength(3);

    // Answer the AHP questionnaire: Revenue 3× Speed, Speed 3× Cost, but Cost 7× Revenue: inconsistent.
    await page.getByRole('button', { name: 'Pairwise' }).click();
    await page.getByLabel('Revenue compared with Speed').fill('-2');
    await page.getByLabel('Speed compared with Cost').fill('-2');
    await page.getByLabel('Revenue compared with Cost').fill('6');
    await expect.poll(() => page.locator('.cr').innerText()).toMatch(/above 0\.1/);
    await expect.poll(() => page.getByTestId('worst-judgment').innerText()).toMatch(/Least consistent/);
    await screenshot('decision-ahp-inconsistent-en');
    // Make it consistent: Revenue 9× Cost, as the other two answers imply.
    await page.getByLabel('Revenue compared with Cost').fill('-8');
    await expect.poll(() => page.locator('.cr').innerText()).toMatch(/consistent enough/);

    // Cite a case for a cell.
    await page.locator('[data-cell="1,1"]').click();
    await page.getByRole('button', { name: 'Cite', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=search]').fill('AWS');
    await dialog.getByRole('option', { name: /Amazon AWS/ }).first().click();
    await dialog.getByLabel('Note').fill('on-demand subscriptions built market influence');
    await dialog.getByRole('button', { name: 'Cite', exact: true }).click();
    await expect.poll(() => page.locator('.evidence-list').innerText()).toContain('Amazon AWS');
    expect(await page.locator('[data-cell="1,1"] .evidence-mark').count()).toBe(1);
    await screenshot('decision-built-en');

    // Export the report.
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Report (Markdown)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    const report = readFileSync((await file.path()) as string, 'utf8');
    expect(report).toMatch(/^# Which go-to-market\?/);
    expect(report).toContain('## Ranking');
    expect(report).toContain('## Evidence');
    expect(report).toContain('Amazon AWS (case/amazon-aws)');
  });

  it('shows the worked example in Chinese, with sensitivity and SMAA', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN', hash: '#/decisions/profit-model-for-infrastructure' });
    await expect.poll(() => ranking(page)).toHaveLength(5);
    await page.locator('[data-cell="1,0"]').click();
    await expect.poll(() => page.locator('.evidence-list').innerText()).toContain('服务订阅');
    await page.getByRole('button', { name: '抽样 10,000 次' }).click();
    await expect.poll(() => page.locator('.results-panel figure').count()).toBe(3);
    await screenshot('decision-example-zh');
  });

  it('gathers a group’s weights and shows where people disagree', async () => {
    const { page } = await app.open({ locale: 'en-US', hash: '#/decisions/profit-model-for-infrastructure' });
    for (const [name, margin] of [
      ['Ana', '90'],
      ['Bo', '5'],
    ] as const) {
      page.once('dialog', (d) => void d.accept(name));
      await page.getByRole('button', { name: 'Participant' }).click();
      await page.getByLabel('利润率 / Margin', { exact: true }).fill(margin);
    }
    await expect.poll(() => page.getByTestId('disagreement').innerText()).toMatch(/Margin/);
  });
});
