import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support.ts';

/** A tree of 1,600 concepts (and 1,599 linking phrases): above the SVG limit, so drawn on the canvas. */
const CONCEPTS = 1600;
const LARGE_MERMAID = ['graph TD', ...Array.from({ length: CONCEPTS - 1 }, (_, k) => `  N${Math.floor(k / 3)}[C${Math.floor(k / 3)} item] --> N${k + 1}[C${k + 1} item]`)].join('\n');

type Point = { x: number; y: number };

async function centreOf(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The canvas pixel (RGBA) under a point of the page. */
function pixel(page: Page, at: Point): Promise<number[]> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.map-canvas > canvas');
    const rect = canvas?.getBoundingClientRect();
    const ctx = canvas?.getContext('2d');
    if (!canvas || !rect || !ctx) throw new Error('no canvas backend');
    const ratio = canvas.width / rect.width;
    return [...ctx.getImageData(Math.round((x - rect.left) * ratio), Math.round((y - rect.top) * ratio), 1, 1).data];
  }, at);
}

/** A point diagonally off this one where nothing is drawn (so a press there starts a box, not a drag). */
async function emptyNear(page: Page, at: Point): Promise<Point> {
  for (const d of [40, 60, 80, 100, 120])
    for (const [sx, sy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const) {
      const point = { x: at.x + sx * d * 1.5, y: at.y + sy * d };
      let clear = true;
      for (let dx = -4; dx <= 4 && clear; dx += 2) for (let dy = -4; dy <= 4 && clear; dy += 2) clear = (await pixel(page, { x: point.x + dx, y: point.y + dy }))[3] === 0;
      if (clear) return point;
    }
  throw new Error('nothing empty near the concept');
}

/** Lets the canvas settle: its tiles are rendered at the exact scale a moment after the last change. */
const settle = (page: Page) => page.waitForTimeout(700);

describe('a large concept map on the canvas backend', () => {
  const app = useApp();

  it('finds, selects, drags, undoes and box-selects concepts it draws on the canvas', async () => {
    const { page, screenshot } = await app.open({ locale: 'en-US', hash: '#/maps' });
    await page.getByRole('button', { name: 'Import' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'large.mmd', mimeType: 'text/plain', buffer: Buffer.from(LARGE_MERMAID) });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 50_000 }).toMatch(/1,?600 concepts/);
    await dialog.getByRole('button', { name: 'Open the map' }).click();
    await page.locator('.map-canvas > canvas').waitFor();
    expect(await page.locator('.map-canvas .map-node').count()).toBe(0);

    // Search: the one match is outlined over the canvas and brought to the middle of the view.
    const search = page.getByLabel('Find in map');
    await search.fill('C800 item');
    await expect.poll(() => page.locator('.map-outline').count()).toBe(1);
    await settle(page);
    const found = await centreOf(page, '.map-outline');
    await search.fill('');
    await expect.poll(() => page.locator('.map-outline').count()).toBe(0);
    await settle(page);
    const fill = await pixel(page, found);
    expect(fill[3]).toBe(255);

    // Hit testing: a click on it selects it (the selection is drawn over the canvas).
    await page.mouse.click(found.x, found.y);
    await expect.poll(() => page.locator('.map-selection-box').count()).toBe(1);
    await screenshot('map-canvas-selected-en');

    // Drag it: the selection follows, and the canvas shows it at its new place only, during the
    // drag and once things settle.
    const to = { x: found.x + 140, y: found.y - 70 };
    await page.mouse.move(found.x, found.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    // Mid-drag it is drawn live over the tiles, at its new place only.
    await page.waitForTimeout(50);
    expect(await pixel(page, to)).toEqual(fill);
    expect(await pixel(page, found)).not.toEqual(fill);
    await page.mouse.up();
    await settle(page);
    const moved = await centreOf(page, '.map-selection-box');
    expect(Math.abs(moved.x - to.x)).toBeLessThan(3);
    expect(Math.abs(moved.y - to.y)).toBeLessThan(3);
    expect(await pixel(page, to)).toEqual(fill);
    expect(await pixel(page, found)).not.toEqual(fill);
    await screenshot('map-canvas-dragged-en');

    // Undo puts it back, on the canvas too.
    await page.locator('.map-canvas').press('Control+z');
    await settle(page);
    await expect.poll(async () => (await centreOf(page, '.map-selection-box')).x).toBeCloseTo(found.x, 0);
    expect(await pixel(page, found)).toEqual(fill);

    // Box select with Shift: Escape clears the selection, a box around the concept selects it again.
    await page.locator('.map-canvas').press('Escape');
    await expect.poll(() => page.locator('.map-selection-box').count()).toBe(0);
    const corner = await emptyNear(page, found);
    await page.keyboard.down('Shift');
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(2 * found.x - corner.x, 2 * found.y - corner.y, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.map-selection-box').count()).toBeGreaterThanOrEqual(1);

    // Zoomed out to the whole map, and back in: still drawn.
    await page.locator('.map-canvas').press('0');
    await settle(page);
    await screenshot('map-canvas-whole-en');

    // A force layout of this many concepts takes a while: it says how far it has got, and
    // Cancel stops it with the map as it was.
    const before = await page.evaluate(() => document.querySelector('.map-inspector')?.textContent);
    await page.getByLabel('Layout').selectOption('force');
    const status = page.locator('.map-laying');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/Laying out… [1-9]\d?%/);
    await screenshot('map-canvas-laying-out-en');
    await status.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status.count()).toBe(0);
    expect(await page.getByLabel('Layout').inputValue()).toBe('layered-TB');
    expect(await page.evaluate(() => document.querySelector('.map-inspector')?.textContent)).toBe(before);
    expect(await page.locator('[role=alert]').count()).toBe(0);
  });
});
