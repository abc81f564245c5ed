import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support.ts';

/** Types a query and returns the titles of the results once they have settled. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.locator('#library-search').fill(query);
  await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/match|结果/);
  await page.waitForTimeout(150);
  return page.locator('.entity-row .title-text').allInnerTexts();
}

describe('searching the library through the UI', () => {
  const app = useApp();

  it('finds 广告, 订阅, 失败 and AI 平台 in Chinese, with the matches marked', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN' });
    const ads = await searchFor(page, '广告');
    expect(ads).toContain('广告与数据服务');
    expect(ads).toEqual(expect.arrayContaining(['谷歌 TensorFlow']));
    expect(await page.locator('.entity-row mark').first().innerText()).toBe('广告');
    await screenshot('search-zh-ads');

    expect(await searchFor(page, '订阅')).toContain('服务订阅');
    const failures = await searchFor(page, '失败');
    expect(failures).toEqual(expect.arrayContaining(['IBM Watson', '英伟达 Tesla K80']));
    expect((await searchFor(page, 'AI 平台')).length).toBeGreaterThan(0);
  });

  it('finds Watson and data in English, and narrows results with facets', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US' });
    expect((await searchFor(page, 'Watson'))[0]).toBe('IBM Watson');
    const data = await searchFor(page, 'data');
    expect(data.filter((title) => /data/i.test(title)).length).toBeGreaterThan(3);
    expect(await searchFor(page, 'data service')).toContain('Advertising and data services');
    await page.locator('.facet-value[data-facet="kinds"][data-value="case"] input').check();
    await expect.poll(async () => (await page.locator('.entity-row .badge').allInnerTexts()).filter((b) => b !== 'Case' && !/Success|Failure|In practice/.test(b))).toEqual([]);
    await screenshot('search-en-data-cases');
  });

  it('shows the results as the user types, without pressing Enter', async () => {
    const { page } = await app.open({ locale: 'en-US' });
    await page.locator('#library-search').pressSequentially('Wats', { delay: 40 });
    await expect.poll(() => page.locator('.entity-row .title-text').first().innerText()).toBe('IBM Watson');
  });

  it('compares two cases side by side', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US' });
    await page.locator('.facet-value[data-facet="kinds"][data-value="case"] input').check();
    await page.locator('.facet-value[data-facet="outcomes"][data-value="failure"] input').check();
    await expect.poll(() => page.locator('.entity-row').count()).toBe(2);
    for (const row of await page.locator('.entity-row .row-check').all()) await row.check();
    await page.getByRole('button', { name: /Compare \(2\)/ }).click();
    const table = page.locator('.compare-table');
    await expect.poll(() => table.innerText()).toContain('IBM Watson');
    const text = await table.innerText();
    expect(text).toContain('NVIDIA Tesla K80');
    expect(text).toContain('Success factors / causes of failure');
    await screenshot('compare-en');
  });
});
