import { describe, expect, it } from 'vitest';
import { printBundle } from '../../core/formats/bundle.ts';
import { syntheticEntities } from '../../scripts/bench/synthetic.ts';
import { useApp } from './support.ts';

describe('a large library', () => {
  const app = useApp();

  it('keeps only the rows in view in the page while 20,000 entries scroll to the end', async () => {
    const { page, harness, screenshot } = await app.open({ locale: 'en-US' });
    const content = printBundle({ sections: [], entities: syntheticEntities(20_000), relations: [] });
    const imported = await harness.server.router.call('kb.import', { format: 'bundle', content, fileName: 'synthetic.json' });
    expect(imported.ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/20,1\d\d entries/);
    expect(await page.locator('.entity-row').count()).toBeLessThan(60);

    await page.locator('.entity-list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect.poll(async () => (await page.locator('.entity-row .title-text').allInnerTexts()).length).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.entity-row .row-placeholder').count()).toBe(0);
    expect(await page.locator('.entity-row').count()).toBeLessThan(60);
    await screenshot('library-20k-end-en');
  });
});
