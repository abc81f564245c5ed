import { AppError } from '../api/result.ts';
import { INHERITED_NAMES, propositions, type Dropped, type MapDocument } from './model.ts';

/**
 * What the Mermaid and CXL importers and exporters share: size limits, the log of what could not
 * be carried over, id helpers, CSS colours, and the canonical form two maps are compared in after
 * a round trip (concepts, the set of propositions, groups; not phrase ids, styles or geometry).
 */

/** An imported map may hold at most this many concepts… */
export const MAX_NODES = 20_000;
/** …this many propositions (a Mermaid edge, a CXL source–phrase–target triple)… */
export const MAX_EDGES = 50_000;
/** …and groups (subgraphs, nested nodes) nested at most this deep. */
export const MAX_NESTING = 32;

export interface ImportLimits {
  maxNodes: number;
  maxEdges: number;
  maxNesting: number;
}

export const DEFAULT_LIMITS: ImportLimits = { maxNodes: MAX_NODES, maxEdges: MAX_EDGES, maxNesting: MAX_NESTING };

export function tooLarge(what: 'nodes' | 'edges' | 'nesting', limits: ImportLimits): AppError {
  const message =
    what === 'nodes'
      ? `The map has more than ${limits.maxNodes.toLocaleString('en')} nodes, the most an import accepts.`
      : what === 'edges'
        ? `The map has more than ${limits.maxEdges.toLocaleString('en')} edges, the most an import accepts.`
        : `Groups are nested more than ${limits.maxNesting} levels deep, the most an import accepts.`;
  return new AppError('too_large', message, { limit: what, max: limitValue(what, limits) });
}

function limitValue(what: 'nodes' | 'edges' | 'nesting', limits: ImportLimits): number {
  return what === 'nodes' ? limits.maxNodes : what === 'edges' ? limits.maxEdges : limits.maxNesting;
}

/** An `invalid_file` error naming where the file is wrong; nothing partial is returned. */
export function invalidFile(format: 'Mermaid' | 'CXL', where: { line?: number; path?: string[] }, message: string): AppError {
  const at = [where.line !== undefined ? `line ${where.line}` : '', where.path ? where.path.join('/') : ''].filter(Boolean).join(', ');
  const problem = { path: where.path ?? [], message, ...(where.line !== undefined ? { line: where.line } : {}) };
  return new AppError('invalid_file', `Not a valid ${format} file${at ? ` (${at})` : ''}: ${message}`, { problems: [problem] });
}

/**
 * Collects what an import could not carry over. Things that recur on every node (fonts, sizes)
 * are tallied into one entry that says how often and where first, so the list stays readable.
 */
export class DroppedLog {
  private readonly entries: { order: number; entry: Dropped }[] = [];
  private readonly seen = new Set<string>();
  private readonly tallies = new Map<string, { order: number; where: Omit<Dropped, 'message'>; count: number; describe: (count: number) => string }>();
  private order = 0;

  add(where: Omit<Dropped, 'message'>, message: string): void {
    const key = `${where.line ?? ''}\u0000${where.path ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push({ order: this.order++, entry: { ...where, message } });
  }

  /** `where` may be a function: it is only worked out for the first occurrence. */
  tally(key: string, where: Omit<Dropped, 'message'> | (() => Omit<Dropped, 'message'>), describe: (count: number) => string): void {
    const known = this.tallies.get(key);
    if (known) known.count++;
    else this.tallies.set(key, { order: this.order++, where: typeof where === 'function' ? where() : where, count: 1, describe });
  }

  /** In file order (by line; entries without one last), then in the order they were noted. */
  list(): Dropped[] {
    const tallied = [...this.tallies.values()].map((t) => ({ order: t.order, entry: { ...t.where, message: t.describe(t.count) } }));
    const line = (d: Dropped) => d.line ?? Infinity;
    return [...this.entries, ...tallied].sort((a, b) => line(a.entry) - line(b.entry) || a.order - b.order).map((e) => e.entry);
  }
}

/** `1 concept`, `3 concepts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Appends `value` to the list under `key`, making the list on first use. */
export function addTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * The map with any id that is an inherited object name (see INHERITED_NAMES) renamed, everywhere
 * it is used: a Mermaid node may well be called `constructor`.
 */
export function withSafeIds(map: MapDocument): MapDocument {
  const all = [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id), ...map.groups.map((g) => g.id)];
  if (!all.some((id) => INHERITED_NAMES.has(id))) return map;
  const taken = new Set(all);
  const renamed = new Map(all.filter((id) => INHERITED_NAMES.has(id)).map((id) => [id, uniqueId(`${id}-node`, taken)]));
  const to = (id: string) => renamed.get(id) ?? id;
  const layout: MapDocument['layout'] = {};
  for (const [id, at] of Object.entries(map.layout)) layout[to(id)] = at;
  return {
    ...map,
    concepts: map.concepts.map((c) => ({ ...c, id: to(c.id) })),
    phrases: map.phrases.map((p) => ({ ...p, id: to(p.id), from: p.from.map(to), to: p.to.map(to) })),
    groups: map.groups.map((g) => ({ ...g, id: to(g.id), parent: g.parent && to(g.parent), members: g.members.map(to) })),
    layout,
  };
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet; records the result as taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Colours. The model stores CSS colours; CXL stores "r,g,b,a" and Mermaid styles split on commas,
// so both formats need to read a CSS colour into channels and write one back.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

const NAMED_COLOURS: Record<string, string> = Object.fromEntries(
  (
    'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 black:000000 ' +
    'blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 ' +
    'chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b ' +
    'darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b ' +
    'darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 darksalmon:e9967a ' +
    'darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 ' +
    'darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff ' +
    'firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 ' +
    'goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 ' +
    'indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 ' +
    'lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 ' +
    'lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa ' +
    'lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 ' +
    'linen:faf0e6 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 ' +
    'mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc ' +
    'mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead ' +
    'navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 ' +
    'palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 ' +
    'peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 ' +
    'rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 ' +
    'seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 ' +
    'snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 ' +
    'turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const clampByte = (n: number) => Math.max(0, Math.min(255, Math.round(n)));

/** Reads `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`, `hsl()`/`hsla()`, named colours and `transparent`. */
export function parseCssColour(text: string): Rgba | null {
  const css = text.trim().toLowerCase();
  if (css === 'transparent' || css === 'none') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED_COLOURS[css];
  if (named !== undefined) return parseCssColour(`#${named}`);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(css)?.[1];
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(css);
  if (!fn) return null;
  const parts = (fn[2] ?? '').split(/[\s,/]+/).filter(Boolean);
  if (parts.length !== 3 && parts.length !== 4) return null;
  const num = (p: string | undefined, scale: number) => {
    if (p === undefined) return NaN;
    return p.endsWith('%') ? (Number(p.slice(0, -1)) / 100) * scale : Number(p.replace(/deg$/, ''));
  };
  const alpha = parts[3] === undefined ? 1 : num(parts[3], 1);
  if (fn[1]?.startsWith('rgb')) {
    const [r, g, b] = [num(parts[0], 255), num(parts[1], 255), num(parts[2], 255)];
    if (![r, g, b, alpha].every(Number.isFinite)) return null;
    return { r: clampByte(r), g: clampByte(g), b: clampByte(b), a: Math.max(0, Math.min(1, alpha)) };
  }
  const [h, s, l] = [num(parts[0], 360), num(parts[1], 1), num(parts[2], 1)];
  if (![h, s, l, alpha].every(Number.isFinite)) return null;
  const k = (n: number) => (n + h / 30) % 12;
  const f = (n: number) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return { r: clampByte(f(0) * 255), g: clampByte(f(8) * 255), b: clampByte(f(4) * 255), a: Math.max(0, Math.min(1, alpha)) };
}

/** `#rrggbb`, or `#rrggbbaa` when not opaque: a form without commas, safe in Mermaid styles. */
export function formatHexColour({ r, g, b, a }: Rgba): string {
  const hex = (n: number) => clampByte(n).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}${a >= 1 ? '' : hex(a * 255)}`;
}

// ---------------------------------------------------------------------------------------------
// Round-trip comparison.

export interface MapEssence {
  concepts: { id: string; label: string }[];
  /** `from → label → to`, sorted and without duplicates. */
  propositions: string[];
  groups: { id: string; title: string; parent: string | null; members: string[] }[];
}

/** What an export followed by an import must keep: concepts, the set of propositions, groups. */
export function essence(map: Pick<MapDocument, 'concepts' | 'phrases' | 'groups'>): MapEssence {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    concepts: map.concepts.map((c) => ({ id: c.id, label: c.label })).sort(byId),
    propositions: [...new Set(propositions(map).map((p) => JSON.stringify([p.from, p.phrase, p.to])))].sort(),
    groups: map.groups
      .map((g) => ({ id: g.id, title: g.title, parent: g.parent, members: [...g.members].sort() }))
      .sort(byId),
  };
}
