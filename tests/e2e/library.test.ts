import { describe, expect, it } from 'vitest';
import { useApp } from './support.ts';

describe('the library in a real browser', () => {
  const app = useApp();

  it('lists the seeded cases in Chinese on a Chinese system, and in English after switching', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN' });
    const list = page.getByRole('listbox');
    await expect.poll(() => page.locator('.entity-row .title-text').count()).toBeGreaterThan(5);
    await page.locator('.facet-value[data-facet="kinds"][data-value="case"] input').check();
    await expect.poll(() => list.innerText()).toContain('IBM Watson');
    expect(await list.innerText()).toContain('英伟达 Tesla K80');
    expect(await page.getByRole('navigation').innerText()).toContain('知识库');
    await screenshot('library-zh');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => list.innerText()).toContain('NVIDIA Tesla K80');
    expect(await list.innerText()).toContain('Amazon AWS');
    expect(await page.getByRole('navigation').innerText()).toContain('Library');
    await screenshot('library-en-after-switch');
  });

  it('follows an English system and opens a case in the detail view with its source and relations', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-GB' });
    await page.locator('.facet-value[data-facet="kinds"][data-value="case"] input').check();
    await page.getByRole('option', { name: /IBM Watson/ }).click();
    const detail = page.getByRole('article');
    await expect.poll(() => detail.innerText()).toContain('Failure');
    const text = await detail.innerText();
    expect(text).toContain('§5.2.2');
    expect(text).toMatch(/unclear business model/i);
    expect(page.url()).toContain('#/library/case/ibm-watson');

    await detail.getByRole('link', { name: 'IBM', exact: true }).click();
    await expect.poll(() => detail.getByRole('heading', { level: 2 }).innerText()).toBe('IBM');
    await screenshot('library-detail-en');
  });

  it('keeps the language the user chose across reloads', async () => {
    const { page } = await app.open({ locale: 'en-US' });
    await page.getByRole('button', { name: '中文' }).click();
    await page.reload();
    await expect.poll(() => page.getByRole('navigation').innerText()).toContain('知识库');
  });

  it('shows the dark theme when the system asks for it, and the Maps and Decisions screens', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN', colorScheme: 'dark', hash: '#/library/case/google-tensorflow' });
    await expect.poll(() => page.getByRole('article').innerText()).toContain('谷歌 TensorFlow');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 24, 30)');
    await screenshot('library-detail-zh-dark');

    await page.getByRole('link', { name: '概念图' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('大模型基础设施的概念联系图');
    await page.getByRole('link', { name: '决策' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('大模型基础设施企业应以哪种盈利模式为主');
  });
});
