import type { ConceptStyle } from '../model.ts';
import { formatHexColour, parseCssColour } from '../roundtrip.ts';

/** The part of a concept's style that Mermaid `style` / `classDef` can set. */
export type StyleColours = Pick<ConceptStyle, 'fill' | 'stroke' | 'text'>;

/** Mermaid CSS property → ConceptStyle field. Everything else (stroke-width, font-size…) is dropped. */
const PROPERTY_FIELD: Record<string, keyof StyleColours> = { fill: 'fill', stroke: 'stroke', color: 'text' };

export interface ParsedStyle {
  colours: StyleColours;
  /** `stroke-width:4px`, or `fill:notacolour`: what could not be kept, for the dropped list. */
  unsupported: string[];
}

/** Splits `fill:#f9f,stroke:rgb(1,2,3),stroke-width:4px` on the commas between properties. */
function splitProperties(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseStyleProperties(text: string): ParsedStyle {
  const colours: StyleColours = {};
  const unsupported: string[] = [];
  for (const property of splitProperties(text)) {
    const colon = property.indexOf(':');
    const name = (colon < 0 ? property : property.slice(0, colon)).trim().toLowerCase();
    const value = (colon < 0 ? '' : property.slice(colon + 1)).replace(/!important\s*$/i, '').trim();
    const field = PROPERTY_FIELD[name];
    if (field && value.length <= 40 && parseCssColour(value)) colours[field] = value;
    else unsupported.push(property);
  }
  return { colours, unsupported };
}

/** `fill:#ffcc00,stroke:#333333,color:#000000`, or '' when the style sets no colour. */
export function styleProperties(style: ConceptStyle): string {
  const out: string[] = [];
  for (const [property, field] of Object.entries(PROPERTY_FIELD)) {
    const value = style[field];
    const rgba = value === undefined ? null : parseCssColour(value);
    if (rgba) out.push(`${property}:${formatHexColour(rgba)}`);
  }
  return out.join(',');
}
