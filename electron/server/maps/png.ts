import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { AppError } from '../../../core/api.ts';

/**
 * SVG to PNG with resvg compiled to WebAssembly: no native module, no system fonts needed (labels
 * arrive as outlines), the same result in the app, the harness and the CLI.
 */
const require = createRequire(import.meta.url);
let ready: Promise<void> | undefined;

/**
 * The most pixels drawn (400 MB as RGBA): far beyond a readable map, and short of where resvg's
 * WebAssembly memory gives out (it traps with "unreachable") or refuses the size outright.
 */
const MAX_PIXELS = 100_000_000;

/** The size the picture would have, from the root element's width and height (as renderMapSvg writes them). */
function pictureSize(svg: string, scale: number): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1] ?? NaN) * scale;
  return { width: attribute('width'), height: attribute('height') };
}

export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const { width, height } = pictureSize(svg, scale);
  if (!(width * height <= MAX_PIXELS))
    throw new AppError('too_large', `The picture would be ${Math.round(width)} × ${Math.round(height)} pixels, more than can be drawn; choose a smaller scale, or export SVG.`);
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await ready;
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: false } }).render();
  return Buffer.from(rendered.asPng());
}
