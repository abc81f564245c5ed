import { SaxesParser } from 'saxes';
import { invalidFile, tooLarge, type ImportLimits } from '../roundtrip.ts';

/**
 * Reads a CXL document into flat lists of elements, each with its XML path and line, without
 * interpreting them (build.ts does that). saxes streams and reports positions without a DOM,
 * which core/ does not have.
 */

/** Where an element is: its XPath step and its parent's place (paths are only spelled out when needed). */
export interface Place {
  step: string;
  parent?: Place;
}

export interface CxlElement {
  name: string;
  attrs: Record<string, string>;
  place: Place;
  line: number;
}

/** `['cmap', 'map', 'connection-list', 'connection[3]']`: 1-based, as XPath counts. */
export function xmlPath(place: Place | undefined): string[] {
  const steps: string[] = [];
  for (let at = place; at; at = at.parent) steps.push(at.step);
  return steps.reverse();
}

export interface CxlConnectionLook extends CxlElement {
  controlPoints: number;
}

export interface CxlResourceGroup extends CxlElement {
  resources: string[];
}

export interface CxlRaw {
  title?: string;
  description?: string;
  concepts: CxlElement[];
  phrases: CxlElement[];
  connections: CxlElement[];
  conceptLooks: CxlElement[];
  phraseLooks: CxlElement[];
  connectionLooks: CxlConnectionLook[];
  resourceGroups: CxlResourceGroup[];
  /** The `_Default_` style sheet: what nodes without their own colours look like. */
  defaultStyles: { concept?: Record<string, string>; connection?: Record<string, string>; map?: CxlElement };
  images: CxlElement[];
  annotations: CxlElement[];
  /** Elements directly inside `<map>` or `<cmap>` this reader does not know. */
  unknown: CxlElement[];
}

/** Containers that occur once: their paths are clearer without an index. */
const SINGLE = /^(cmap|map|res-meta|.*-list)$/;
/** CmapTools bookkeeping with nothing a user made: skipped without a word. */
const SILENT = new Set(['extra-properties-list', 'extra-graphical-properties-list', 'proposition-list', 'not-a-proposition-list', 'style-sheet-list', 'cmap-parts-list']);
const MAP_LISTS = new Set([
  'concept-list',
  'linking-phrase-list',
  'connection-list',
  'concept-appearance-list',
  'linking-phrase-appearance-list',
  'connection-appearance-list',
  'resource-group-list',
  'resource-appearance-list',
  'image-list',
]);

/** An element directly in `<map>` or `<cmap>` that nothing here reads. */
function isUnknown(name: string, parent: string | undefined): boolean {
  if (SILENT.has(name)) return false;
  if (parent === 'map') return !MAP_LISTS.has(name);
  return parent === 'cmap' && name !== 'res-meta' && name !== 'map';
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

interface Frame {
  name: string;
  place: Place;
  /** How many children of each name so far, for XPath indexes; made on the first child. */
  counts?: Map<string, number>;
}

export function readCxl(text: string, limits: ImportLimits): CxlRaw {
  const raw: CxlRaw = {
    concepts: [],
    phrases: [],
    connections: [],
    conceptLooks: [],
    phraseLooks: [],
    connectionLooks: [],
    resourceGroups: [],
    defaultStyles: {},
    images: [],
    annotations: [],
    unknown: [],
  };
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: Frame[] = [];
  let startLine = 1;
  let text_: string | null = null;
  let styleSheet: string | null = null;

  const fail = (message: string, line: number) => invalidFile('CXL', { line, path: xmlPath(stack.at(-1)?.place) }, message);
  // Memory guards while streaming; build.ts checks the exact limits.
  const guard = () => {
    if (raw.concepts.length > limits.maxNodes * 2) throw tooLarge('nodes', limits);
    if (raw.connections.length > limits.maxEdges * 4 || raw.phrases.length > limits.maxEdges) throw tooLarge('edges', limits);
  };

  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const parent = stack.at(-1);
    let step = name;
    if (parent && !SINGLE.test(name)) {
      parent.counts ??= new Map();
      const index = (parent.counts.get(name) ?? 0) + 1;
      parent.counts.set(name, index);
      step = `${name}[${index}]`;
    }
    const place: Place = parent ? { step, parent: parent.place } : { step };
    stack.push({ name, place });
    if (!parent) {
      if (name !== 'cmap') throw fail(`the root element is <${tag.name}>, not <cmap>: this is not a CmapTools CXL file`, startLine);
      return;
    }
    const element: CxlElement = { name, attrs: tag.attributes, place, line: startLine };
    // Where it sits: "<grandparent>/<parent>/<name>" picks what the element is.
    const at = `${stack[stack.length - 3]?.name ?? ''}/${parent.name}/${name}`;
    switch (at) {
      case 'map/concept-list/concept':
        raw.concepts.push(element);
        break;
      case 'map/linking-phrase-list/linking-phrase':
        raw.phrases.push(element);
        break;
      case 'map/connection-list/connection':
        raw.connections.push(element);
        break;
      case 'map/concept-appearance-list/concept-appearance':
        raw.conceptLooks.push(element);
        break;
      case 'map/linking-phrase-appearance-list/linking-phrase-appearance':
        raw.phraseLooks.push(element);
        break;
      case 'map/connection-appearance-list/connection-appearance':
        raw.connectionLooks.push({ ...element, controlPoints: 0 });
        break;
      case 'connection-appearance-list/connection-appearance/control-point': {
        const look = raw.connectionLooks.at(-1);
        if (look) look.controlPoints++;
        break;
      }
      case 'map/resource-group-list/resource-group':
        raw.resourceGroups.push({ ...element, resources: [] });
        break;
      case 'resource-group-list/resource-group/resource':
        raw.resourceGroups.at(-1)?.resources.push(element.attrs.label ?? element.attrs.id ?? '');
        break;
      case 'map/image-list/image':
        raw.images.push(element);
        break;
      case 'map/style-sheet-list/style-sheet':
        styleSheet = element.attrs.id ?? null;
        break;
      case 'cmap/res-meta/title':
      case 'cmap/res-meta/description':
        text_ = '';
        break;
      default:
        if (at.startsWith('style-sheet-list/style-sheet/') && styleSheet === '_Default_') {
          if (name === 'concept-style') raw.defaultStyles.concept = element.attrs;
          if (name === 'connection-style') raw.defaultStyles.connection = element.attrs;
          if (name === 'map-style') raw.defaultStyles.map = element;
        } else if (name === 'annotation' && stack.some((f) => f.name === 'cmap-parts-list')) raw.annotations.push(element);
        else if (isUnknown(name, parent.name)) raw.unknown.push(element);
    }
    guard();
  });
  parser.on('text', (chunk) => {
    if (text_ !== null) text_ += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (text_ !== null) text_ += chunk;
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (text_ !== null && frame && (frame.name === 'title' || frame.name === 'description')) {
      if (frame.name === 'title') raw.title = text_;
      else raw.description = text_;
      text_ = null;
    }
  });
  parser.on('error', (error) => {
    // saxes prefixes its messages with "line:column: ".
    const message = error.message.replace(/^\d+:\d+:\s*/, '');
    throw fail(`malformed XML: ${message}`, parser.line);
  });

  parser.write(text.replace(/^\uFEFF/, '')).close();
  return raw;
}
