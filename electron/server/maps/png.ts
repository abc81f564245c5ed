import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';

/**
 * SVG to PNG with resvg compiled to WebAssembly: no native module, no system fonts needed (labels
 * arrive as outlines), the same result in the app, the harness and the CLI.
 */
const require = createRequire(import.meta.url);
let ready: Promise<void> | undefined;

export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await ready;
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: false } }).render();
  return Buffer.from(rendered.asPng());
}
