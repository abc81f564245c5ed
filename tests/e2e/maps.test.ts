import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support.ts';
import { SEED_GRAPH as SEED_MERMAID } from '../fixtures/seed-graph.ts';

/** The canvas, and a point on it in page coordinates. */
async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.map-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

async function typeLabel(page: Page, text: string): Promise<void> {
  const editor = page.locator('.map-label-editor');
  await editor.waitFor();
  await editor.fill(text);
  await editor.press('Enter');
}

const conceptLabels = (page: Page) => page.locator('.map-node text').allTextContents();

describe('concept maps in a real browser', () => {
  const app = useApp();

  it('builds a map by hand: add, link with a phrase, group, pin, undo and redo', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US', hash: '#/maps' });
    await page.getByRole('button', { name: 'New map' }).click();
    await page.locator('.map-canvas').waitFor();

    // Add two concepts by double-clicking empty space.
    const a = await canvasPoint(page, 0.3, 0.4);
    await page.mouse.dblclick(a.x, a.y);
    await typeLabel(page, 'Cloud platform');
    // Saved on its own, and the list counts it in good English.
    await expect.poll(() => page.locator('.maps-list').innerText()).toContain('1 concept, 0 links');
    const b = await canvasPoint(page, 0.7, 0.4);
    await page.mouse.dblclick(b.x, b.y);
    await typeLabel(page, 'Subscription revenue');
    await expect.poll(() => conceptLabels(page)).toEqual(['Cloud platform', 'Subscription revenue']);

    // Link: select the first, drag its handle onto the second, type the linking phrase.
    await page.mouse.click(a.x, a.y);
    const handle = await page.locator('.map-handle').boundingBox();
    if (!handle) throw new Error('no link handle');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 8 });
    await page.mouse.up();
    await typeLabel(page, 'earns');
    await expect.poll(() => page.locator('.map-phrase text').allTextContents()).toEqual(['earns']);
    expect(await page.locator('.map-edge').count()).toBe(2);

    // Select both (shift-click), group them, name the group.
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await page.getByRole('button', { name: 'Group' }).click();
    await typeLabel(page, 'Revenue logic');
    await expect.poll(() => page.locator('.map-group-title').allTextContents()).toEqual(['Revenue logic']);

    // Pin, then undo the pin and redo it.
    await page.mouse.click(a.x, a.y);
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    await expect.poll(() => page.locator('.map-node.pinned').count()).toBe(1);
    await page.locator('.map-canvas').press('Control+z');
    await expect.poll(() => page.locator('.map-node.pinned').count()).toBe(0);
    await page.locator('.map-canvas').press('Control+Shift+z');
    await expect.poll(() => page.locator('.map-node.pinned').count()).toBe(1);
    await screenshot('map-built-by-hand-en');

    // It was saved: reloading shows the same map.
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('All changes saved');
    await page.waitForTimeout(600);
    await page.reload();
    await expect.poll(() => conceptLabels(page)).toEqual(['Cloud platform', 'Subscription revenue']);
    expect(await page.locator('.map-phrase text').allTextContents()).toEqual(['earns']);
    expect(await page.locator('.map-group-title').allTextContents()).toEqual(['Revenue logic']);
  });

  it('opens the book’s ready-made map and imports its Mermaid source: 17 concepts and 13 links', async () => {
    const { page, screenshot } = await app.open({ locale: 'zh-CN', hash: '#/maps/infrastructure-concept-map' });
    await expect.poll(() => page.locator('.map-node').count()).toBe(17);
    await screenshot('map-seed-zh');

    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'infrastructure.mmd', mimeType: 'text/plain', buffer: Buffer.from(SEED_MERMAID) });
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('17 个概念，13 个命题');
    await dialog.getByRole('button', { name: '打开概念图' }).click();
    await expect.poll(() => page.locator('.map-node').count()).toBe(17);
    expect(await page.locator('.map-edge').count()).toBe(13 * 2);
    expect(await conceptLabels(page)).toContain('中央处理器(CPU)');
  });

  it('draws a map from a case and exports it as SVG and PNG', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US', hash: '#/maps' });
    await page.getByRole('button', { name: 'From knowledge base' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Entry').fill('Watson');
    await dialog.getByRole('option', { name: /IBM Watson/ }).click();
    await dialog.getByRole('button', { name: 'Draw the map' }).click();
    await expect.poll(() => page.locator('.map-node').count()).toBeGreaterThan(4);
    expect(await conceptLabels(page)).toContain('IBM Watson');
    await screenshot('map-generated-en');

    for (const [item, extension] of [
      ['SVG image', '.svg'],
      ['PNG image at 2×', '.png'],
    ] as const) {
      await page.getByRole('button', { name: 'Export' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: item }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`${extension.replace('.', '\\.')}$`));
      const path = await file.path();
      expect(path).toBeTruthy();
    }
  });
});
