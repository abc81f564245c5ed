import { describe, expect, it } from 'vitest';
import { MAX_EDGES, MAX_NESTING, MAX_NODES, parseMermaid, printMermaid } from '../../../core/graph/mermaid.ts';
import { MapDocument, type PhraseStyle, type Shape } from '../../../core/graph/model.ts';
import { essence } from '../../../core/graph/roundtrip.ts';
import { expectValid, invalidAt, labels, said, thrown } from './support.ts';
import { SEED_GRAPH } from '../../fixtures/seed-graph.ts';


const read = (body: string, header = 'flowchart TD') => parseMermaid(`${header}\n${body}`);
const messages = (result: { dropped: { message: string }[] }) => result.dropped.map((d) => d.message).join('\n');

describe('Mermaid import', () => {
  it('reads the seed book graph as 17 concepts and 13 propositions, brackets inside labels kept', () => {
    const { map, dropped } = parseMermaid(SEED_GRAPH);
    expect(map.concepts).toHaveLength(17);
    expect(said(map)).toHaveLength(13);
    expect(labels(map)).toMatchObject({ A: '计算资源', B: '中央处理器(CPU)', C: '图形处理器(GPU)', D: '张量处理单元(TPU)', Q: 'Dask' });
    expect(said(map)).toContain('A --> B');
    expect(said(map)).toContain('N --> Q');
    expect(map.settings.direction).toBe('TB');
    expect(dropped).toEqual([]);
    expectValid(map);
  });

  it.each([
    ['graph TD', 'TB'],
    ['graph TB', 'TB'],
    ['flowchart BT', 'BT'],
    ['flowchart RL', 'RL'],
    ['flowchart LR', 'LR'],
    ['flowchart', 'TB'],
    ['graph', 'TB'],
  ])('reads the header "%s" as direction %s', (header, direction) => {
    expect(read('A --> B', header).map.settings.direction).toBe(direction);
  });

  it('reads statements on the header line after ";" (graph TD;A-->B;)', () => {
    expect(said(parseMermaid('graph TD;A-->B;B-->C').map)).toEqual(['A --> B', 'B --> C']);
  });

  it.each<[string, Shape, string]>([
    ['A[rect]', 'rect', 'rect'],
    ['A(round)', 'round', 'round'],
    ['A([stadium])', 'stadium', 'stadium'],
    ['A[[subroutine]]', 'subroutine', 'subroutine'],
    ['A[(cylinder)]', 'cylinder', 'cylinder'],
    ['A((circle))', 'circle', 'circle'],
    ['A(((double circle)))', 'double-circle', 'double circle'],
    ['A>asymmetric]', 'asymmetric', 'asymmetric'],
    ['A{rhombus}', 'rhombus', 'rhombus'],
    ['A{{hexagon}}', 'hexagon', 'hexagon'],
    ['A[/parallelogram/]', 'parallelogram', 'parallelogram'],
    ['A[\\parallelogram alt\\]', 'parallelogram-alt', 'parallelogram alt'],
    ['A[/trapezoid\\]', 'trapezoid', 'trapezoid'],
    ['A[\\trapezoid alt/]', 'trapezoid-alt', 'trapezoid alt'],
  ])('reads the shape %s', (source, shape, label) => {
    const { map } = read(`${source} --> B`);
    expect(map.concepts[0]).toMatchObject({ id: 'A', label, style: { shape } });
    expect(said(map)).toEqual(['A --> B']);
  });

  it('reads the newer A@{ shape: …, label: … } syntax', () => {
    const { map, dropped } = read('A@{ shape: rounded, label: "Start here" } --> B@{ shape: diam }\nC@{ shape: bolt }');
    expect(map.concepts[0]).toMatchObject({ label: 'Start here', style: { shape: 'round' } });
    expect(map.concepts[1]).toMatchObject({ label: 'B', style: { shape: 'rhombus' } });
    expect(dropped.map((d) => d.line)).toEqual([3]);
  });

  it.each<[string, Partial<PhraseStyle>]>([
    ['-->', { line: 'solid', head: 'arrow', tail: 'none' }],
    ['---', { line: 'solid', head: 'none', tail: 'none' }],
    ['-.->', { line: 'dotted', head: 'arrow', tail: 'none' }],
    ['-.-', { line: 'dotted', head: 'none', tail: 'none' }],
    ['==>', { line: 'thick', head: 'arrow', tail: 'none' }],
    ['===', { line: 'thick', head: 'none', tail: 'none' }],
    ['--o', { line: 'solid', head: 'circle', tail: 'none' }],
    ['--x', { line: 'solid', head: 'cross', tail: 'none' }],
    ['<-->', { line: 'solid', head: 'arrow', tail: 'arrow' }],
    ['o--o', { line: 'solid', head: 'circle', tail: 'circle' }],
    ['x--x', { line: 'solid', head: 'cross', tail: 'cross' }],
    ['<==>', { line: 'thick', head: 'arrow', tail: 'arrow' }],
    ['<-.->', { line: 'dotted', head: 'arrow', tail: 'arrow' }],
    ['~~~', { line: 'invisible', head: 'none', tail: 'none' }],
  ])('reads the link %s as its line and arrow heads', (link, style) => {
    const { map, dropped } = read(`A ${link} B`);
    expect(said(map)).toEqual(['A --> B']);
    expect(map.phrases[0]?.style).toEqual(style);
    expect(map.phrases[0]?.label).toBe('');
    expect(dropped).toEqual([]);
  });

  it('reads longer links (--->, -...->, ====>) like short ones and reports the length hint once', () => {
    const { map, dropped } = read('A ---> B\nB -...-> C\nC ====> D\nD ---- E');
    expect(map.phrases.map((p) => p.style)).toEqual([
      { line: 'solid', head: 'arrow', tail: 'none' },
      { line: 'dotted', head: 'arrow', tail: 'none' },
      { line: 'thick', head: 'arrow', tail: 'none' },
      { line: 'solid', head: 'none', tail: 'none' },
    ]);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ line: 2, message: expect.stringContaining('4 longer links') });
  });

  it('does not keep a start marker Mermaid ignores (<--o, <---), and says so', () => {
    const { map, dropped } = read('A <--o B\nB <--- C');
    expect(map.phrases.map((p) => [p.style.head, p.style.tail])).toEqual([
      ['circle', 'none'],
      ['none', 'none'],
    ]);
    expect(dropped.map((d) => d.line)).toEqual([2, 3]);
  });

  it.each([
    ['A -->|uses| B', 'uses'],
    ['A --> |uses| B', 'uses'],
    ['A -- uses --> B', 'uses'],
    ['A --uses--> B', 'uses'],
    ['A -. uses .-> B', 'uses'],
    ['A == uses ==> B', 'uses'],
    ['A -- "uses --> this" --> B', 'uses --> this'],
    ['A -->|"a | b"| B', 'a | b'],
    ['A ---|plain line| B', 'plain line'],
  ])('reads the link label in %s', (source, label) => {
    const { map } = read(source);
    expect(said(map)).toEqual([`A -${label}-> B`]);
  });

  it('keeps the line style of labelled links (-. text .->, == text ==>)', () => {
    const { map } = read('A -. maybe .-> B\nA == surely ==> C\nA -- no head --- D');
    expect(map.phrases.map((p) => [p.label, p.style.line, p.style.head])).toEqual([
      ['maybe', 'dotted', 'arrow'],
      ['surely', 'thick', 'arrow'],
      ['no head', 'solid', 'none'],
    ]);
  });

  it('reads a chain A --> B --> C as two propositions', () => {
    expect(said(read('A --> B -->|then| C').map)).toEqual(['A --> B', 'B -then-> C']);
  });

  it('reads A & B --> C & D as four propositions, one phrase per edge', () => {
    const { map } = read('A & B -->|feeds| C & D');
    expect(said(map)).toEqual(['A -feeds-> C', 'A -feeds-> D', 'B -feeds-> C', 'B -feeds-> D']);
    expect(map.phrases).toHaveLength(4);
    expect(new Set(map.phrases.map((p) => p.id)).size).toBe(4);
  });

  it('reads the subgraph forms: id [title], "title", title with spaces, bare id, no name at all', () => {
    const { map } = read(
      [
        'subgraph one [The first]',
        '  A',
        'end',
        'subgraph "Second one"',
        '  B',
        'end',
        'subgraph third group here',
        '  C',
        'end',
        'subgraph four',
        '  D',
        'end',
        'subgraph five["Quoted (title)"]',
        '  E',
        'end',
        'subgraph',
        '  F',
        'end',
      ].join('\n'),
    );
    expect(map.groups.map((g) => [g.id, g.title, g.members])).toEqual([
      ['one', 'The first', ['A']],
      ['subGraph1', 'Second one', ['B']],
      ['subGraph2', 'third group here', ['C']],
      ['four', 'four', ['D']],
      ['five', 'Quoted (title)', ['E']],
      ['subGraph5', '', ['F']],
    ]);
  });

  it('nests subgraphs, and a node belongs to the innermost subgraph that mentions it', () => {
    const { map } = read(
      ['X[Outside]', 'subgraph outer [Outer]', '  A --> B', '  subgraph inner [Inner]', '    B --> C', '  end', '  X', 'end', 'C --> D'].join('\n'),
    );
    expect(map.groups).toEqual([
      { id: 'outer', title: 'Outer', parent: null, members: ['A', 'X'], collapsed: false },
      { id: 'inner', title: 'Inner', parent: 'outer', members: ['B', 'C'], collapsed: false },
    ]);
    expect(map.concepts.map((c) => c.id)).toEqual(['X', 'A', 'B', 'C', 'D']);
  });

  it('keeps a top-level direction and reports one inside a subgraph', () => {
    const { map, dropped } = read('direction LR\nsubgraph s\n  direction TB\n  A\nend', 'flowchart TD');
    expect(map.settings.direction).toBe('LR');
    expect(dropped).toEqual([{ line: 4, message: expect.stringContaining('direction TB inside subgraph "s"') }]);
  });

  it('skips %% comments, whole-line and trailing, and reports %%{init}%% directives', () => {
    const { map, dropped } = parseMermaid('%% leading comment\n%%{init: {"theme": "dark"}}%%\nflowchart LR %% trailing\n  %% A --> Z\n  A --> B %% why\n');
    expect(said(map)).toEqual(['A --> B']);
    expect(dropped).toEqual([{ line: 2, message: expect.stringContaining('configuration directive') }]);
  });

  it('separates statements with ";"', () => {
    expect(said(read('A --> B; B --> C;C --> D').map)).toEqual(['A --> B', 'B --> C', 'C --> D']);
  });

  it('reads quoted labels with brackets, pipes and semicolons in them', () => {
    const { map } = read('A["text with (brackets) [and] {braces}; and a |pipe|"] --> B("x")');
    expect(labels(map)).toEqual({ A: 'text with (brackets) [and] {braces}; and a |pipe|', B: 'x' });
  });

  it('keeps the text of markdown-string labels', () => {
    const { map } = read('A["`**bold** and *italic* text`"]\nB["`two\n   lines`"]');
    expect(labels(map)).toEqual({ A: 'bold and italic text', B: 'two\nlines' });
  });

  it('reads Unicode labels and ids', () => {
    const { map } = read('数据[数据管理] --> 算法_1[算法框架 🚀]\nnode-2 --> ノード');
    expect(labels(map)).toEqual({ 数据: '数据管理', 算法_1: '算法框架 🚀', 'node-2': 'node-2', ノード: 'ノード' });
  });

  it('turns <br>, <br/> and <br /> into line breaks and decodes entity codes', () => {
    const { map } = read('A["one<br>two<br/>three<br />four"] --> B["say #quot;hi#quot; #35;1 #9829; &amp; <b>bold</b>"]');
    expect(labels(map)).toEqual({ A: 'one\ntwo\nthree\nfour', B: 'say "hi" #1 ♥ & bold' });
  });

  it('accepts node ids with digits, "-" and "_"', () => {
    const { map } = read('1st --> node-2_b\nnode-2_b --> A1.x');
    expect(map.concepts.map((c) => c.id)).toEqual(['1st', 'node-2_b', 'A1.x']);
  });

  it('labels a node by its id until a later mention gives it a label', () => {
    const { map } = read('A --> B\nB --> C\nB[Better name]\nC(Round)');
    expect(labels(map)).toEqual({ A: 'A', B: 'Better name', C: 'Round' });
    expect(map.concepts.find((c) => c.id === 'C')?.style.shape).toBe('round');
  });

  it('keeps style fill, stroke and color and reports the rest', () => {
    const { map, dropped } = read('A --> B\nstyle A fill:#f9f,stroke:#333,stroke-width:4px,color:#fff');
    expect(map.concepts[0]?.style).toEqual({ fill: '#f9f', stroke: '#333', text: '#fff' });
    expect(dropped).toEqual([{ line: 3, message: expect.stringContaining('stroke-width:4px') }]);
  });

  it('applies classDef through class, ::: and classDef default, later styles winning', () => {
    const { map, dropped } = read(
      [
        'A:::warm --> B',
        'C --> D',
        'classDef warm fill:#f96,stroke:rgb(10,20,30),font-size:12px',
        'classDef cold fill:lightblue',
        'classDef default color:#222',
        'class C,D cold',
        'style D fill:#000',
        'class B missing',
      ].join('\n'),
    );
    const styles = Object.fromEntries(map.concepts.map((c) => [c.id, c.style]));
    expect(styles).toEqual({
      A: { fill: '#f96', stroke: 'rgb(10,20,30)', text: '#222' },
      B: { text: '#222' },
      C: { fill: 'lightblue', text: '#222' },
      D: { fill: '#000', text: '#222' },
    });
    expect(messages({ dropped })).toContain('font-size:12px');
    expect(dropped.find((d) => d.line === 9)?.message).toContain('class "missing" is not defined');
  });

  it('reports click, linkStyle, accTitle and accDescr as dropped, with their lines', () => {
    const { map, dropped } = read(
      ['accTitle: A title', 'accDescr: One line', 'accDescr {', '  several', '  lines', '}', 'A --> B', 'click A "https://example.com" "Tooltip"', 'click B callback', 'linkStyle 0 stroke:#ff3,stroke-width:4px', 'B --> C'].join('\n'),
    );
    expect(said(map)).toEqual(['A --> B', 'B --> C']);
    expect(dropped.map((d) => d.line)).toEqual([2, 3, 4, 9, 10, 11]);
    expect(messages({ dropped })).toMatch(/accTitle[\s\S]*accDescr[\s\S]*click[\s\S]*linkStyle/);
  });

  it('reads the title from front matter and reports its configuration', () => {
    const { map, dropped } = parseMermaid('---\ntitle: "Compute: the \\"stack\\""\nconfig:\n  theme: forest\n---\nflowchart LR\nA --> B');
    expect(map.title).toBe('Compute: the "stack"');
    expect(dropped).toEqual([{ line: 3, message: expect.stringContaining('config') }]);
  });

  it('does not turn a link to a subgraph into a concept, and says so', () => {
    const { map, dropped } = read('subgraph grp [Group]\n  A\nend\nB --> grp\nB --> A');
    expect(map.concepts.map((c) => c.id)).toEqual(['A', 'B']);
    expect(said(map)).toEqual(['B --> A']);
    expect(dropped.some((d) => d.line === 5 && d.message.includes('subgraph "grp"'))).toBe(true);
  });

  it('uses Mermaid 11 edge ids (A e1@--> B) as phrase ids', () => {
    const { map } = read('A e1@--> B\nB --> C');
    expect(map.phrases.map((p) => p.id)).toEqual(['e1', 'e2']);
  });

  it('gives phrases ids that no concept or group has', () => {
    const { map } = read('e1 --> e2\nsubgraph e3\n  e4\nend\ne2 --> e4');
    const ids = [...map.concepts.map((c) => c.id), ...map.groups.map((g) => g.id), ...map.phrases.map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Mermaid import: malformed files', () => {
  it.each<[string, string, number, RegExp]>([
    ['an unknown header', 'flowchat TD\nA --> B', 1, /unknown diagram header/],
    ['another diagram type', 'sequenceDiagram\nAlice->>Bob: Hi', 1, /not a flowchart/],
    ['a header after comments', '%% about\n\npie title Pets', 3, /not a flowchart/],
    ['an unknown direction', 'graph XY\nA --> B', 1, /unknown direction "XY"/],
    ['an unknown direction in a subgraph', 'graph TD\nsubgraph s\ndirection UP\nend', 3, /unknown direction/],
    ['an unclosed bracket', 'graph TD\nA --> B\nC[never closed --> D\nE --> F', 3, /unclosed "\["/],
    ['an unclosed round bracket', 'graph TD\nA(oops --> B', 2, /unclosed "\("/],
    ['"end" without subgraph', 'graph TD\nA --> B\nend', 3, /"end" without a matching "subgraph"/],
    ['an unterminated string', 'graph TD\nA --> B\nB["no end --> C\n', 3, /unterminated string/],
    ['an edge without a target', 'graph TD\nA --> B\nB -->\nC', 3, /no target/],
    ['an edge without a target before ";"', 'graph TD\nA -->; B', 2, /no target/],
    ['an unclosed subgraph', 'graph TD\nsubgraph s [S]\nA\n', 2, /subgraph "s" is never closed/],
    ['link text that never ends', 'graph TD\nA -- text B', 2, /never ends/],
    ['an unclosed pipe', 'graph TD\nA -->|text B', 2, /unclosed "\|"/],
    ['two nodes without a link', 'graph TD\nA B', 2, /unexpected "B"/],
    ['a stray symbol', 'graph TD\nA --> B\n  @@', 3, /expected a node id/],
    ['a subgraph title left open', 'graph TD\nsubgraph s [Title\nend', 2, /unclosed "\[" in the subgraph title/],
    ['unclosed front matter', '---\ntitle: x\nflowchart TD', 1, /front matter/],
    ['an empty file', '', 1, /no flowchart header/],
  ])('rejects %s with the line', (_what, text, line, message) => {
    const error = invalidAt(() => parseMermaid(text), line);
    expect(error.message).toMatch(message);
    expect(error.details?.problems?.[0]?.path).toEqual([]);
  });
});

describe('Mermaid import: limits', () => {
  it('documents its limits', () => {
    expect([MAX_NODES, MAX_EDGES, MAX_NESTING]).toEqual([20_000, 50_000, 32]);
  });

  it('accepts 20,000 nodes and refuses 20,001, saying which limit', () => {
    const nodes = (n: number) => `flowchart TD\n${Array.from({ length: n }, (_, i) => `n${i}`).join('\n')}`;
    expect(parseMermaid(nodes(MAX_NODES)).map.concepts).toHaveLength(MAX_NODES);
    const error = thrown(() => parseMermaid(nodes(MAX_NODES + 1)), 'too_large');
    expect(error.message).toContain('20,000 nodes');
  });

  it('refuses more than 50,000 edges, counting & expansions', () => {
    const edges = `flowchart TD\n${Array.from({ length: MAX_EDGES + 1 }, (_, i) => `a${i % 100} --> b${i % 7}`).join('\n')}`;
    expect(thrown(() => parseMermaid(edges), 'too_large').message).toContain('50,000 edges');
    const fan = `flowchart TD\n${Array.from({ length: 300 }, (_, i) => `a${i}`).join(' & ')} --> ${Array.from({ length: 200 }, (_, i) => `b${i}`).join(' & ')}`;
    expect(thrown(() => parseMermaid(fan), 'too_large').message).toContain('edges');
  });

  it('accepts 32 nested subgraphs and refuses 33', () => {
    const nested = (depth: number) =>
      `flowchart TD\n${Array.from({ length: depth }, (_, i) => `subgraph s${i}`).join('\n')}\nA\n${'end\n'.repeat(depth)}`;
    expect(parseMermaid(nested(MAX_NESTING)).map.groups).toHaveLength(MAX_NESTING);
    expect(thrown(() => parseMermaid(nested(MAX_NESTING + 1)), 'too_large').message).toContain('32 levels');
  });

  it('takes lower limits as an option', () => {
    expect(thrown(() => parseMermaid('graph TD\nA --> B --> C', { limits: { maxEdges: 1 } }), 'too_large').details).toMatchObject({ limit: 'edges', max: 1 });
  });
});

describe('Mermaid export', () => {
  const base: MapDocument = {
    title: '',
    concepts: [],
    phrases: [],
    groups: [],
    layout: {},
    settings: { direction: 'LR', layout: 'layered' },
  };

  it('writes the header, nodes, subgraphs and links in an order Mermaid reads back', () => {
    const map: MapDocument = {
      ...base,
      title: 'Stack',
      concepts: [
        { id: 'A', label: 'A', entity: null, style: {} },
        { id: 'B', label: 'Big data', entity: null, style: { shape: 'cylinder', fill: '#ffcc00' } },
        { id: 'C', label: 'C', entity: null, style: { shape: 'circle' } },
      ],
      phrases: [{ id: 'p', label: 'uses', from: ['A'], to: ['B', 'C'], style: { line: 'dotted', head: 'arrow', tail: 'arrow' } }],
      groups: [{ id: 'g', title: 'Storage', parent: null, members: ['B'], collapsed: false }],
    };
    expect(printMermaid(map)).toBe(
      [
        '---',
        'title: "Stack"',
        '---',
        'flowchart LR',
        '  A',
        '  C(("C"))',
        '  subgraph g ["Storage"]',
        '    B[("Big data")]',
        '  end',
        '  A <-.->|"uses"| B & C',
        '  classDef look0 fill:#ffcc00',
        '  class B look0',
        '',
      ].join('\n'),
    );
  });

  it('escapes labels so they read back exactly', () => {
    const tricky = ['say "hi"', 'C# and #quot; and &amp;', 'a<br>b', 'two\nlines', '`not markdown`', '**stars**', 'x | y ; z %% w', '  padded  ', '(a) [b] {c}', '中文标签', ''];
    const map: MapDocument = {
      ...base,
      concepts: tricky.map((label, i) => ({ id: `n${i}`, label, entity: null, style: {} })),
      phrases: tricky.map((label, i) => ({ id: `p${i}`, label, from: ['n0'], to: [`n${i}`], style: { line: 'solid', head: 'arrow', tail: 'none' } })),
    };
    const again = parseMermaid(printMermaid(map)).map;
    expect(again.concepts.map((c) => c.label)).toEqual(tricky);
    expect(essence(again)).toEqual(essence(map));
  });

  it.each<PhraseStyle>([
    { line: 'solid', head: 'arrow', tail: 'none' },
    { line: 'solid', head: 'none', tail: 'none' },
    { line: 'solid', head: 'circle', tail: 'circle' },
    { line: 'dotted', head: 'cross', tail: 'none' },
    { line: 'dotted', head: 'arrow', tail: 'arrow' },
    { line: 'thick', head: 'none', tail: 'none' },
    { line: 'thick', head: 'cross', tail: 'cross' },
    { line: 'invisible', head: 'none', tail: 'none' },
  ])('keeps the link style %o', (style) => {
    const map: MapDocument = {
      ...base,
      concepts: [
        { id: 'a', label: 'a', entity: null, style: {} },
        { id: 'b', label: 'b', entity: null, style: {} },
      ],
      phrases: [{ id: 'p', label: 'x', from: ['a'], to: ['b'], style }],
    };
    expect(parseMermaid(printMermaid(map)).map.phrases[0]?.style).toEqual(style);
  });

  it('avoids what Mermaid\'s own lexer would misread: ids starting with keywords, "direction TB" in labels', () => {
    const ids = ['styleA', 'classy', 'graph2', 'end-x', '数据subgraph', '1style', 'mystyle', 'endless', 'defaultValue'];
    const map: MapDocument = {
      ...base,
      concepts: ids.map((id) => ({ id, label: 'set direction LR here', entity: null, style: {} })),
    };
    const text = printMermaid(map);
    expect(text).not.toMatch(/direction\s+LR/);
    for (const kept of ['mystyle', 'endless', 'defaultValue']) expect(text).toContain(`  ${kept}[`);
    for (const replaced of ['styleA', 'classy', 'graph2', 'end-x', '数据subgraph', '1style']) expect(text).not.toContain(`  ${replaced}[`);
    expect(parseMermaid(text).map.concepts.every((c) => c.label === 'set direction LR here')).toBe(true);
  });

  it('gives ids Mermaid cannot read a stand-in, and keeps a group apart from a same-id concept', () => {
    const map: MapDocument = {
      ...base,
      concepts: [
        { id: 'two words', label: 'Two', entity: null, style: {} },
        { id: 'end', label: 'End', entity: null, style: {} },
        { id: 'g', label: 'G', entity: null, style: {} },
      ],
      phrases: [{ id: 'p', label: '', from: ['two words'], to: ['end'], style: { line: 'solid', head: 'arrow', tail: 'none' } }],
      groups: [{ id: 'g', title: 'Group', parent: null, members: ['g'], collapsed: false }],
    };
    const text = printMermaid(map);
    expect(text).toContain('two_words["Two"]');
    expect(text).toContain('n_end["End"]');
    const again = parseMermaid(text).map;
    expect(said(again)).toEqual(['two_words --> n_end']);
    expect(again.groups).toEqual([{ id: 'g_group', title: 'Group', parent: null, members: ['g'], collapsed: false }]);
  });
});

describe('ids that plain objects inherit', () => {
  it('are renamed on import, everywhere they are used, so the map stays a valid document', () => {
    const { map } = parseMermaid('flowchart TD\n  constructor --> __proto__\n  subgraph toString [Group]\n    constructor\n  end\n');
    expect(map.concepts.map((c) => [c.id, c.label])).toEqual([
      ['constructor-node', 'constructor'],
      ['__proto__-node', '__proto__'],
    ]);
    expect(map.groups[0]).toMatchObject({ id: 'toString-node', members: ['constructor-node'] });
    expect(map.phrases[0]).toMatchObject({ from: ['constructor-node'], to: ['__proto__-node'] });
    expect(MapDocument.safeParse(map).success).toBe(true);
  });

  it('are refused in documents, as are coordinates beyond ±10 million', () => {
    const base = { title: 't', concepts: [{ id: 'a', label: 'A' }], phrases: [] };
    expect(MapDocument.safeParse({ ...base, concepts: [{ id: 'constructor', label: 'x' }] }).success).toBe(false);
    expect(MapDocument.safeParse({ ...base, layout: { a: { x: 1e308, y: 0 } } }).success).toBe(false);
    expect(MapDocument.safeParse({ ...base, layout: { a: { x: -9_999_999, y: 0 } } }).success).toBe(true);
  });
});
