import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCxl, printCxl } from '../../../core/graph/cxl.ts';
import { parseMermaid, printMermaid } from '../../../core/graph/mermaid.ts';
import { propositions, type MapDocument } from '../../../core/graph/model.ts';
import { essence } from '../../../core/graph/roundtrip.ts';
import { expectValid, invalidAt, said, thrown } from './support.ts';

/** A CXL document around `body` (the contents of <map>); the body starts on line 5. */
const cxl = (body: string, title = 'Test map') => `<?xml version="1.0" encoding="UTF-8"?>
<cmap xmlns:dcterms="http://purl.org/dc/terms/" xmlns="http://cmap.ihmc.us/xml/cmap/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<res-meta><dc:title>${title}</dc:title></res-meta>
<map width="500" height="400">
${body}
</map>
</cmap>
`;

const concepts = (...pairs: [string, string][]) => `<concept-list>${pairs.map(([id, label]) => `<concept id="${id}" label="${label}"/>`).join('')}</concept-list>`;
const phrases = (...pairs: [string, string][]) => `<linking-phrase-list>${pairs.map(([id, label]) => `<linking-phrase id="${id}" label="${label}"/>`).join('')}</linking-phrase-list>`;
const connections = (...pairs: [string, string, string?][]) =>
  `<connection-list>\n${pairs.map(([from, to, extra], i) => `<connection id="k${i + 1}" from-id="${from}" to-id="${to}"${extra ?? ''}/>`).join('\n')}\n</connection-list>`;

describe('CXL import', () => {
  it('reads concepts, linking phrases and connections into propositions, and the title', () => {
    const { map, dropped } = parseCxl(cxl([concepts(['a', 'Plants'], ['b', 'Leaves'], ['c', 'Roots']), phrases(['p', 'have']), connections(['a', 'p'], ['p', 'b'], ['p', 'c'])].join('\n'), 'Botany'));
    expect(map.title).toBe('Botany');
    expect(map.concepts.map((c) => [c.id, c.label])).toEqual([
      ['a', 'Plants'],
      ['b', 'Leaves'],
      ['c', 'Roots'],
    ]);
    expect(map.phrases).toEqual([{ id: 'p', label: 'have', from: ['a'], to: ['b', 'c'], style: { line: 'solid', head: 'arrow', tail: 'none' } }]);
    expect(said(map)).toEqual(['a -have-> b', 'a -have-> c']);
    expect(dropped).toEqual([]);
    expectValid(map);
  });

  it('keeps labels exactly: line breaks (&#xa;), trailing spaces, entities', () => {
    const { map } = parseCxl(cxl(concepts(['a', 'Lift&#xa;and&#xa;Drag'], ['b', 'Interconnectedness '], ['c', 'R&amp;D &lt;core&gt; &quot;x&quot;'])));
    expect(map.concepts.map((c) => c.label)).toEqual(['Lift\nand\nDrag', 'Interconnectedness ', 'R&D <core> "x"']);
  });

  it('never merges concepts or phrases by label', () => {
    const { map } = parseCxl(cxl([concepts(['a', 'Same'], ['b', 'Same'], ['c', 'Other']), phrases(['p', 'is'], ['q', 'is']), connections(['a', 'p'], ['p', 'c'], ['b', 'q'], ['q', 'c'])].join('\n')));
    expect(map.concepts).toHaveLength(3);
    expect(map.phrases.map((p) => p.id)).toEqual(['p', 'q']);
    expect(said(map)).toEqual(['a -is-> c', 'b -is-> c']);
  });

  it('turns a direct concept → concept connection into a phrase with an empty label', () => {
    const { map } = parseCxl(
      cxl(
        [
          concepts(['a', 'A'], ['b', 'B']),
          connections(['a', 'b']),
          '<concept-appearance-list><concept-appearance id="a" x="100" y="100"/><concept-appearance id="b" x="200" y="300"/></concept-appearance-list>',
        ].join('\n'),
      ),
    );
    expect(map.phrases).toEqual([{ id: 'k1', label: '', from: ['a'], to: ['b'], style: { line: 'solid', head: 'arrow', tail: 'none' } }]);
    expect(map.layout.k1).toEqual({ x: 150, y: 200, pinned: false });
  });

  it('reads isBidirectional as a tail arrow and arrowhead="no" as no head', () => {
    const { map } = parseCxl(
      cxl(
        [
          concepts(['a', 'A'], ['b', 'B']),
          phrases(['p', 'both'], ['q', 'plain']),
          connections(['a', 'p', ' isBidirectional="true"'], ['p', 'b', ' isBidirectional="true"'], ['a', 'q'], ['q', 'b']),
          '<connection-appearance-list><connection-appearance id="k4" arrowhead="no" style="dotted"/></connection-appearance-list>',
        ].join('\n'),
      ),
    );
    expect(map.phrases.map((p) => p.style)).toEqual([
      { line: 'solid', head: 'arrow', tail: 'arrow' },
      { line: 'dotted', head: 'none', tail: 'none' },
    ]);
  });

  it('places concepts and phrases at their appearance x, y (centres) and marks the layout manual', () => {
    const { map } = parseCxl(
      cxl(
        [
          concepts(['a', 'A'], ['b', 'B']),
          phrases(['p', 'to']),
          connections(['a', 'p'], ['p', 'b']),
          '<concept-appearance-list><concept-appearance id="a" x="10" y="20" width="40" height="20"/><concept-appearance id="b" x="110.5" y="220"/></concept-appearance-list>',
          '<linking-phrase-appearance-list><linking-phrase-appearance id="p" x="60" y="120"/></linking-phrase-appearance-list>',
        ].join('\n'),
      ),
    );
    expect(map.layout).toEqual({ a: { x: 10, y: 20, pinned: false }, b: { x: 110.5, y: 220, pinned: false }, p: { x: 60, y: 120, pinned: false } });
    expect(map.settings.layout).toBe('manual');
  });

  it('maps background, border and font colours and the border shape; the default style sheet fills in', () => {
    const { map, dropped } = parseCxl(
      cxl(
        [
          concepts(['a', 'A'], ['b', 'B'], ['c', 'C']),
          '<concept-appearance-list>',
          '<concept-appearance id="a" background-color="255,255,204,255" border-color="0,0,255,255" font-color="0,0,0,128" border-shape="oval"/>',
          '<concept-appearance id="b" border-shape="star"/>',
          '</concept-appearance-list>',
          '<style-sheet-list><style-sheet id="_Default_"><concept-style background-color="237,244,246,255" border-shape="rounded-rectangle"/></style-sheet></style-sheet-list>',
        ].join('\n'),
      ),
    );
    expect(map.concepts.map((c) => c.style)).toEqual([
      { fill: '#ffffcc', stroke: '#0000ff', text: 'rgba(0, 0, 0, 0.502)', shape: 'stadium' },
      { fill: '#edf4f6' },
      { fill: '#edf4f6', shape: 'round' },
    ]);
    expect(dropped).toEqual([{ line: 8, path: '/cmap/map/concept-appearance-list/concept-appearance[2]', message: expect.stringContaining('"star"') }]);
  });

  it('turns nested nodes (parent-id) into groups, nesting included, and drops connections to them', () => {
    const { map, dropped } = parseCxl(
      cxl(
        [
          '<concept-list>',
          '<concept id="outer" label="Outer box"/>',
          '<concept id="inner" label="Inner box" parent-id="outer"/>',
          '<concept id="a" label="A" parent-id="outer"/>',
          '<concept id="b" label="B" parent-id="inner"/>',
          '<concept id="c" label="C"/>',
          '<concept id="empty" label="Empty box"/>',
          '</concept-list>',
          phrases(['p', 'to']),
          connections(['a', 'p'], ['p', 'b'], ['c', 'outer']),
          '<concept-appearance-list><concept-appearance id="inner" expanded="false"/><concept-appearance id="empty" expanded="true"/></concept-appearance-list>',
        ].join('\n'),
      ),
    );
    expect(map.concepts.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(map.groups).toEqual([
      { id: 'outer', title: 'Outer box', parent: null, members: ['a'], collapsed: false },
      { id: 'inner', title: 'Inner box', parent: 'outer', members: ['b'], collapsed: true },
      { id: 'empty', title: 'Empty box', parent: null, members: [], collapsed: false },
    ]);
    expect(said(map)).toEqual(['a -to-> b']);
    expect(dropped).toEqual([
      { line: 17, path: '/cmap/map/connection-list/connection[3]', message: expect.stringContaining('nested node "Outer box"') },
    ]);
  });

  it('drops linking phrases without a source or target, and phrase → phrase connections, with their paths', () => {
    const { map, dropped } = parseCxl(cxl([concepts(['a', 'A']), phrases(['p', 'dangling'], ['q', 'q']), connections(['a', 'p'], ['p', 'q'])].join('\n')));
    expect(map.phrases).toEqual([]);
    expect(dropped.map((d) => d.path)).toEqual(['/cmap/map/linking-phrase-list/linking-phrase[1]', '/cmap/map/linking-phrase-list/linking-phrase[2]', '/cmap/map/connection-list/connection[2]']);
  });

  it('reports resources, images, annotations, curves, fonts and the focus question', () => {
    const { dropped } = parseCxl(
      `<?xml version="1.0"?><cmap xmlns="http://cmap.ihmc.us/xml/cmap/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<res-meta><dc:title>x</dc:title><dc:description>Why?</dc:description></res-meta>
<map>${concepts(['a', 'A'], ['b', 'B'])}${phrases(['p', 'to'])}${connections(['a', 'p'], ['p', 'b'])}
<resource-group-list><resource-group parent-id="a" group-type="text-and-image"><resource id="r" label="A web page"/></resource-group></resource-group-list>
<image-list><image id="i1" bytes="AAAA"/></image-list>
<concept-appearance-list><concept-appearance id="a" x="1" y="2" font-name="Verdana" font-size="12"/></concept-appearance-list>
<connection-appearance-list><connection-appearance id="k1" type="bezier-3pt"><control-point x="1" y="1"/></connection-appearance></connection-appearance-list>
</map><cmap-parts-list><annotations><annotation-list><annotation id="n1"/></annotation-list></annotations></cmap-parts-list></cmap>`,
    );
    const text = dropped.map((d) => d.message).join('\n');
    expect(text).toContain('focus question "Why?"');
    expect(text).toContain('1 resource attached to "A" is not kept: A web page');
    expect(text).toContain('1 image');
    expect(text).toContain('fonts');
    expect(text).toContain('curves');
    expect(text).toContain('1 annotation');
    expect(dropped.find((d) => d.message.includes('resource'))).toMatchObject({ line: 7, path: '/cmap/map/resource-group-list/resource-group[1]' });
  });
});

describe('CXL import: malformed files', () => {
  it('names the XML path and line of a connection to an unknown id', () => {
    const error = invalidAt(() => parseCxl(cxl([concepts(['a', 'A'], ['b', 'B']), phrases(['p', 'to']), connections(['a', 'p'], ['p', 'b'], ['p', 'ghost'])].join('\n'))), 10);
    expect(error.details?.problems?.[0]?.path).toEqual(['cmap', 'map', 'connection-list', 'connection[3]']);
    expect(error.message).toContain('cmap/map/connection-list/connection[3]');
    expect(error.message).toContain('"ghost"');
  });

  it.each<[string, string, number, RegExp]>([
    ['malformed XML', cxl(`${concepts(['a', 'A'])}\n<linking-phrase-list>\n</map>`), 7, /malformed XML/],
    ['an undefined entity', cxl(concepts(['a', 'A &nbsp; B'])), 5, /malformed XML/],
    ['a root that is not <cmap>', '<?xml version="1.0"?>\n<svg/>', 2, /not <cmap>/],
    ['a duplicate id', cxl([concepts(['a', 'A']), phrases(['a', 'also a'])].join('\n')), 6, /"a" is used twice/],
    ['a concept without an id', cxl('<concept-list><concept label="x"/></concept-list>'), 5, /has no id/],
    ['a connection without to-id', cxl([concepts(['a', 'A']), '<connection-list><connection id="k" from-id="a"/></connection-list>'].join('\n')), 6, /no to-id/],
    ['an unknown parent-id', cxl('<concept-list><concept id="a" label="A" parent-id="nowhere"/></concept-list>'), 5, /parent-id "nowhere"/],
    ['a parent-id loop', cxl('<concept-list>\n<concept id="a" label="A" parent-id="b"/>\n<concept id="b" label="B" parent-id="a"/></concept-list>'), 6, /loop/],
  ])('rejects %s with its line', (_what, text, line, message) => {
    expect(invalidAt(() => parseCxl(text), line).message).toMatch(message);
  });

  it('refuses too many concepts, propositions or nesting levels, saying which', () => {
    const many = cxl(concepts(...Array.from({ length: 4 }, (_, i): [string, string] => [`c${i}`, `C${i}`])));
    expect(thrown(() => parseCxl(many, { limits: { maxNodes: 3 } }), 'too_large').message).toContain('3 nodes');
    const fan = cxl([concepts(['a', 'A'], ['b', 'B'], ['c', 'C']), phrases(['p', 'to']), connections(['a', 'p'], ['b', 'p'], ['p', 'c'], ['p', 'a'])].join('\n'));
    expect(thrown(() => parseCxl(fan, { limits: { maxEdges: 3 } }), 'too_large').message).toContain('3 edges');
    const deep = cxl(`<concept-list>${Array.from({ length: 34 }, (_, i) => `<concept id="n${i}" label="N" ${i > 0 ? `parent-id="n${i - 1}"` : ''}/>`).join('')}</concept-list>`);
    expect(thrown(() => parseCxl(deep), 'too_large').message).toContain('32 levels');
  });
});

describe('CXL export', () => {
  const map: MapDocument = {
    title: 'R&D <map>',
    concepts: [
      { id: 'a', label: 'Line\nbreak & "quotes"', entity: null, style: { fill: '#ffcc00', shape: 'round' } },
      { id: 'b', label: 'B', entity: null, style: {} },
      { id: 'c', label: 'C\u0007', entity: null, style: {} },
    ],
    phrases: [{ id: 'p', label: 'leads to', from: ['a'], to: ['b', 'c'], style: { line: 'solid', head: 'arrow', tail: 'arrow' } }],
    groups: [{ id: 'g', title: 'Group', parent: null, members: ['b'], collapsed: true }],
    layout: { a: { x: 100, y: 80, pinned: true } },
    settings: { direction: 'TB', layout: 'manual' },
  };

  it('writes CmapTools structure: declaration, namespaces, res-meta title, lists, appearances', () => {
    const text = printCxl(map);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<cmap ')).toBe(true);
    expect(text).toContain('xmlns="http://cmap.ihmc.us/xml/cmap/"');
    expect(text).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(text).toContain('xmlns:dcterms="http://purl.org/dc/terms/"');
    expect(text).toContain('<dc:title>R&amp;D &lt;map&gt;</dc:title>');
    expect(text).toContain('<concept id="a" label="Line&#xa;break &amp; &quot;quotes&quot;"/>');
    expect(text).toContain('<concept id="b" label="B" parent-id="g"/>');
    expect(text).toContain('<concept id="c" label="C"/>');
    expect(text).toContain('<concept id="g" label="Group"/>');
    expect(text).toMatch(/<concept-appearance id="a" x="100" y="80" width="\d+" height="\d+" background-color="255,204,0,255" border-shape="rounded-rectangle"\/>/);
    expect(text).toMatch(/<concept-appearance id="g" [^>]*expanded="false"\/>/);
    expect(text).toContain('isBidirectional="true"');
    for (const list of ['concept-list', 'linking-phrase-list', 'connection-list', 'concept-appearance-list', 'linking-phrase-appearance-list', 'connection-appearance-list'])
      expect(text).toContain(`<${list}>`);
  });

  it('reads back what it writes: concepts, propositions, groups, title, positions and styles', () => {
    const again = parseCxl(printCxl(map)).map;
    expect(essence(again)).toEqual(essence({ ...map, concepts: map.concepts.map((c) => (c.id === 'c' ? { ...c, label: 'C' } : c)) }));
    expect(again.title).toBe('R&D <map>');
    expect(again.layout.a).toEqual({ x: 100, y: 80, pinned: false });
    expect(Object.keys(again.layout).sort()).toEqual(['a', 'b', 'c', 'p']);
    expect(again.concepts[0]?.style).toEqual({ fill: '#ffcc00', shape: 'round' });
    expect(again.phrases[0]?.style).toEqual({ line: 'solid', head: 'arrow', tail: 'arrow' });
    expect(again.groups[0]?.collapsed).toBe(true);
  });

  it('places nodes without a layout on a grid inside the canvas', () => {
    const bare = parseCxl(printCxl({ ...map, layout: {} })).map;
    const positions = Object.values(bare.layout);
    expect(positions).toHaveLength(4);
    expect(positions.every((p) => p.x > 0 && p.y > 0)).toBe(true);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(4);
  });

  it('writes an empty map that still reads', () => {
    const empty: MapDocument = { title: '', concepts: [], phrases: [], groups: [], layout: {}, settings: { direction: 'TB', layout: 'layered' } };
    expect(parseCxl(printCxl(empty)).map).toMatchObject({ title: '', concepts: [], phrases: [], groups: [] });
  });
});

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/cxl/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) console.info(`CmapTools fixture tests skipped: ${FIXTURES} is not there (it exists beside the project in CI, not in a fresh clone).`);
const fixture = (name: string) => parseCxl(readFileSync(`${FIXTURES}${name}`, 'utf8'));

describe.skipIf(!haveFixtures)(`CmapTools fixtures${haveFixtures ? '' : ' (skipped: ../shared/fixtures/cxl not found)'}`, () => {
  it.each([
    ['01-aerocapture.cxl', 'AeroCapture', 27, 29, 33],
    ['02-concept-map-example-cloud-minified.cxl', 'Cmap-0', 7, 9, 9],
    ['03-scoring-fanin-fanout.cxl', 'Scoring', 15, 11, 20],
    ['04-simple-map-bidirectional.cxl', 'Untitled 1', 3, 2, 2],
  ])('%s imports as %s: %i concepts, %i phrases, %i propositions, all placed, and round-trips', (name, title, conceptCount, phraseCount, propositionCount) => {
    const { map } = fixture(name);
    expect(map.title).toBe(title);
    expect(map.concepts).toHaveLength(conceptCount);
    expect(map.phrases).toHaveLength(phraseCount);
    expect(propositions(map)).toHaveLength(propositionCount);
    expect(Object.keys(map.layout)).toHaveLength(conceptCount + phraseCount);
    expect(map.settings.layout).toBe('manual');
    expectValid(map);
    expect(essence(parseCxl(printCxl(map)).map)).toEqual(essence(map));
    expect(essence(parseMermaid(printMermaid(map)).map)).toEqual(essence(map));
  });

  it('01 keeps two concepts labelled "Atmospheric\\nFriction" apart, and phrases with several targets', () => {
    const { map, dropped } = fixture('01-aerocapture.cxl');
    const friction = map.concepts.filter((c) => c.label === 'Atmospheric\nFriction');
    expect(friction.map((c) => c.id)).toEqual(['1025199964515_760299010_88725', '1025199965042_805893164_88801']);
    expect(map.concepts.find((c) => c.id === '1025199964517_2052719232_88749')?.label).toBe('New Thermal\nProtection\nMaterials');
    const fanOut = map.phrases.filter((p) => p.to.length > 1).map((p) => p.label);
    expect(fanOut.sort()).toEqual(['can be \nachieved\nby', 'include', 'requires']);
    const text = dropped.map((d) => d.message).join('\n');
    expect(text).toContain('2 resources attached to "New Thermal Protection Materials" are not kept: TPS -- SHARP, TPS -- ARC');
    expect(text).toContain('curves (control points) of 8 connections');
    expect(dropped.every((d) => d.path?.startsWith('/cmap/') && typeof d.line === 'number')).toBe(true);
  });

  it('02 keeps repeated linking-phrase labels as separate phrases', () => {
    const { map } = fixture('02-concept-map-example-cloud-minified.cxl');
    expect(map.phrases.filter((p) => p.label === 'Analogous to')).toHaveLength(3);
    expect(said(map).filter((s) => s.includes('-Includes->'))).toHaveLength(3);
  });

  it('03 keeps fan-in and fan-out phrases whole, and a label with a trailing space', () => {
    const { map } = fixture('03-scoring-fanin-fanout.cxl');
    const byLabel = (label: string) => map.phrases.find((p) => p.label === label);
    expect(byLabel('of')?.from).toHaveLength(3);
    expect(byLabel('of')?.to).toEqual(['21B35DFH2-GM6CK2-78C']);
    expect(byLabel('based on')?.to).toHaveLength(3);
    expect(byLabel('combine to form')?.from).toHaveLength(2);
    expect(map.concepts.map((c) => c.label)).toContain('Interconnectedness ');
  });

  it('04 reads isBidirectional links as a tail arrow and keeps positions as centres', () => {
    const { map } = fixture('04-simple-map-bidirectional.cxl');
    const dual = map.phrases.find((p) => p.label === 'Dual');
    expect(dual?.style).toEqual({ line: 'solid', head: 'arrow', tail: 'arrow' });
    expect(map.phrases.find((p) => p.label === 'Link')?.style.tail).toBe('none');
    expect(map.layout['20P0GB7DZ-SRPTD6-4GL']).toEqual({ x: 792, y: 366, pinned: false });
    expect(map.concepts[0]?.style).toMatchObject({ fill: '#ededd3', stroke: '#4f4e0a', text: '#062407' });
  });
});
