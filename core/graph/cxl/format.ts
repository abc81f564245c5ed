import type { Shape } from '../model.ts';
import { parseCssColour } from '../roundtrip.ts';
import { stripInvalidXml } from '../xml.ts';

/** CXL's own spellings: colours as "r,g,b,a" (0–255), shapes by name, text in attributes. */

export const CXL_NAMESPACES = {
  cmap: 'http://cmap.ihmc.us/xml/cmap/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  vcard: 'http://www.w3.org/2001/vcard-rdf/3.0#',
} as const;

/** CmapTools border shapes the model can draw. */
export const CXL_SHAPES: Readonly<Record<string, Shape>> = {
  rectangle: 'rect',
  'rounded-rectangle': 'round',
  oval: 'stadium',
  circle: 'circle',
  diamond: 'rhombus',
  hexagon: 'hexagon',
};

/** The shapes written back; only the ones CmapTools' own files use (rectangle, rounded, oval). */
export function shapeToCxl(shape: Shape | undefined): string | undefined {
  if (shape === 'rect' || shape === 'subroutine') return 'rectangle';
  if (shape === 'round') return 'rounded-rectangle';
  if (shape === 'stadium' || shape === 'circle' || shape === 'double-circle') return 'oval';
  return undefined;
}

/** "255,255,204,255" → `#ffffcc`; a translucent colour → `rgba(…)`. */
export function cxlColourToCss(value: string): string | undefined {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if ((parts.length !== 3 && parts.length !== 4) || !parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) return undefined;
  const [r = 0, g = 0, b = 0, a = 255] = parts;
  if (a === 255) return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  return `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 1000) / 1000})`;
}

export function cssToCxlColour(css: string | undefined): string | undefined {
  const rgba = css === undefined ? null : parseCssColour(css);
  return rgba ? `${rgba.r},${rgba.g},${rgba.b},${Math.round(rgba.a * 255)}` : undefined;
}

/** Text for an attribute value: line breaks and tabs as character references, as CmapTools writes them. */
export function escapeAttribute(text: string): string {
  return stripInvalidXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xa;')
    .replace(/\r/g, '&#xd;')
    .replace(/\t/g, '&#x9;');
}

export function escapeText(text: string): string {
  return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
