import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/api/result.ts';
import { parseCxl, printCxl } from '../../../core/graph/cxl.ts';
import { parseMermaid, printMermaid } from '../../../core/graph/mermaid.ts';
import { ARROW_HEADS, DIRECTIONS, LINE_STYLES, SHAPES, propositions, type MapDocument, type PhraseStyle } from '../../../core/graph/model.ts';
import { essence } from '../../../core/graph/roundtrip.ts';
import { expectValid } from './support.ts';

const RICH_MERMAID = `---
title: Compute stack
---
flowchart LR
  %% hardware
  subgraph hw [Hardware]
    CPU[中央处理器(CPU)] & GPU([GPU]) -->|run| K{{Kernels}}
    subgraph acc ["Accelerators (ML)"]
      TPU[(TPU)] -.-> K
    end
  end
  subgraph sw [Software]
    TF>"TensorFlow #quot;2#quot;"] <==> PT(("PyTorch"))
    TF -- "exports to" --> ONNX[/ONNX/] --x RT[\\Runtime\\]
  end
  K --- TF
  RT o--o CPU
  PT ~~~ ONNX
  classDef warm fill:#ffcc00,stroke:#333333,color:#000000
  class CPU,GPU warm
  style TPU fill:#99ccff
`;

describe('round trips', () => {
  it('Mermaid → map → Mermaid → map keeps concepts, propositions, groups, shapes and link styles', () => {
    const first = parseMermaid(RICH_MERMAID).map;
    const second = parseMermaid(printMermaid(first)).map;
    expect(essence(second)).toEqual(essence(first));
    expect(second.title).toBe('Compute stack');
    expect(second.concepts.map((c) => c.style)).toEqual(first.concepts.map((c) => c.style));
    expect(second.phrases.map((p) => p.style)).toEqual(first.phrases.map((p) => p.style));
    expect(first.groups.map((g) => [g.id, g.parent, g.members])).toEqual([
      // As in Mermaid, a link inside a subgraph makes its ends members: K belongs to acc.
      ['hw', null, ['CPU', 'GPU']],
      ['acc', 'hw', ['TPU', 'K']],
      ['sw', null, ['TF', 'PT', 'ONNX', 'RT']],
    ]);
  });

  it('Mermaid → map → CXL → map keeps concepts, propositions and groups', () => {
    const first = parseMermaid(RICH_MERMAID).map;
    expect(essence(parseCxl(printCxl(first)).map)).toEqual(essence(first));
  });
});

// ---------------------------------------------------------------------------------------------
// Random maps. Ids use characters Mermaid reads as ids (letters of any script, digits, _, with
// single - or . between), including o and x, which Mermaid also uses as arrow heads.

const idPart = fc.string({ unit: fc.constantFrom(...'abcdfgoxAZ0189_数据ノ'), minLength: 1, maxLength: 4 });
const nodeId = fc
  .tuple(idPart, fc.array(fc.tuple(fc.constantFrom('-', '.'), idPart), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([sep, part]) => sep + part).join(''));
/** Labels made of the pieces that need escaping in one format or the other. */
const label = fc
  .array(fc.constantFrom(...'aZ 9"#&;<>|[](){}`*%\\/\n\t-=.:~ox数é', '<br>', '<b>', '#quot;', '#35;', '&amp;', '&#quot;', '%%', '-->', '**', 'end', '``', ' ', '\u00a0'), { maxLength: 10 })
  .map((parts) => parts.join(''));
const colour = fc.option(
  fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  { nil: undefined },
);
/** Link styles Mermaid can write: a tail only where it mirrors the head, no heads on invisible links. */
const mermaidStyle: fc.Arbitrary<PhraseStyle> = fc
  .record({ line: fc.constantFrom(...LINE_STYLES), head: fc.constantFrom(...ARROW_HEADS), mirrored: fc.boolean() })
  .map(({ line, head, mirrored }) =>
    line === 'invisible' ? { line, head: 'none', tail: 'none' } : { line, head, tail: mirrored && head !== 'none' ? head : 'none' },
  );

const randomMap: fc.Arbitrary<MapDocument> = fc
  .record({ conceptIds: fc.uniqueArray(nodeId, { minLength: 1, maxLength: 10 }), groupIds: fc.uniqueArray(nodeId, { maxLength: 4 }) })
  .filter(({ conceptIds, groupIds }) => groupIds.every((g) => !conceptIds.includes(g)))
  .chain(({ conceptIds, groupIds }) =>
    fc.record({
      title: label,
      direction: fc.constantFrom(...DIRECTIONS),
      concepts: fc.tuple(
        ...conceptIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            label: fc.oneof(fc.constant(id), label),
            home: fc.integer({ min: -1, max: groupIds.length - 1 }),
            shape: fc.option(fc.constantFrom(...SHAPES), { nil: undefined }),
            fill: colour,
            stroke: colour,
            text: colour,
          }),
        ),
      ),
      groups: fc.tuple(...groupIds.map((id, i) => fc.record({ id: fc.constant(id), title: fc.oneof(fc.constant(id), label), parent: fc.integer({ min: -1, max: i - 1 }) }))),
      phrases: fc.array(
        fc.record({
          label,
          from: fc.shuffledSubarray(conceptIds, { minLength: 1, maxLength: Math.min(3, conceptIds.length) }),
          to: fc.shuffledSubarray(conceptIds, { minLength: 1, maxLength: Math.min(3, conceptIds.length) }),
          style: mermaidStyle,
        }),
        { maxLength: 8 },
      ),
    }),
  )
  .map(({ title, direction, concepts, groups, phrases }) => ({
    title,
    concepts: concepts.map(({ id, label: text, shape, fill, stroke, text: textColour }) => ({
      id,
      label: text,
      entity: null,
      style: { ...(shape ? { shape } : {}), ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}), ...(textColour ? { text: textColour } : {}) },
    })),
    phrases: phrases.map((p, i) => ({ id: `phrase-${i}`, ...p })),
    groups: groups.map((g, i) => ({
      id: g.id,
      title: g.title,
      parent: g.parent < 0 ? null : (groups[g.parent]?.id ?? null),
      members: concepts.filter((c) => c.home === i).map((c) => c.id),
      collapsed: false,
    })),
    layout: {},
    settings: { direction, layout: 'layered' as const },
  }));

/** Each proposition with the look of its link, as a sorted multiset. */
const styledPropositions = (map: MapDocument) =>
  propositions(map)
    .map((p) => JSON.stringify([p.from, p.phrase, p.to, map.phrases.find((x) => x.id === p.phraseId)?.style]))
    .sort();
const conceptLooks = (map: MapDocument) => Object.fromEntries(map.concepts.map((c) => [c.id, { ...c.style, shape: c.style.shape ?? 'rect' }]));

describe('round trips of random maps (fast-check)', () => {
  it('print → parse Mermaid gives the same concepts, proposition set and groups, and keeps looks and title', () => {
    fc.assert(
      fc.property(randomMap, (map) => {
        const text = printMermaid(map);
        const again = parseMermaid(text).map;
        expect(essence(again), text).toEqual(essence(map));
        expect(styledPropositions(again), text).toEqual(styledPropositions(map));
        expect(conceptLooks(again), text).toEqual(conceptLooks(map));
        expect(again.title).toBe(map.title);
        expect(again.settings.direction).toBe(map.settings.direction);
        expectValid(again);
      }),
      { numRuns: 300 },
    );
  });

  it('print → parse CXL gives the same concepts, proposition set and groups, and keeps colours and title', () => {
    fc.assert(
      fc.property(randomMap, (map) => {
        const text = printCxl(map);
        const again = parseCxl(text).map;
        expect(essence(again), text).toEqual(essence(map));
        const colours = (m: MapDocument) => Object.fromEntries(m.concepts.map(({ id, style: { fill, stroke, text: t } }) => [id, { fill, stroke, text: t }]));
        expect(colours(again)).toEqual(colours(map));
        expect(again.title).toBe(map.title.trim());
        expectValid(again);
      }),
      { numRuns: 300 },
    );
  });

  it('CXL → map → Mermaid → map → CXL → map keeps the essence', () => {
    fc.assert(
      fc.property(randomMap, (map) => {
        const viaBoth = parseCxl(printCxl(parseMermaid(printMermaid(parseCxl(printCxl(map)).map)).map)).map;
        expect(essence(viaBoth)).toEqual(essence(map));
      }),
      { numRuns: 100 },
    );
  });
});

/** Whatever the input, an import returns a valid map or refuses it as a file: it never crashes. */
function importsOrRefuses(parse: () => { map: MapDocument }): void {
  let result: { map: MapDocument } | undefined;
  try {
    result = parse();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(['invalid_file', 'too_large']).toContain((error as AppError).code);
    return;
  }
  expectValid(result.map);
}

describe('malformed input (fast-check)', () => {
  const MERMAID_TOKENS = ['graph TD\n', 'flowchart LR\n', 'A', 'B', 'o', 'x', ' ', '\n', ';', '-->', '---', '-.->', '==>', '~~~', '--o', '<-->', '--', '==', '-.', '|', '"', '[', ']', '(', ')', '{', '}', '>', '/', '\\', '&', ':::', 'subgraph ', 'end', 'direction TB', 'style A fill:#fff', 'classDef c color:red', 'class A c', 'click ', 'linkStyle ', '%%', '%%{', '}%%', '---\n', '@{ shape: hex }', 'e1@', '<br>', '#quot;', '`', 'accDescr {', '数'];

  it('Mermaid: any mix of flowchart tokens imports to a valid map or is refused as invalid_file', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MERMAID_TOKENS), { maxLength: 40 }), (parts) => importsOrRefuses(() => parseMermaid(parts.join('')))),
      { numRuns: 2000 },
    );
  });

  it('CXL: a document with random cuts and insertions imports to a valid map or is refused as invalid_file', () => {
    fc.assert(
      fc.property(randomMap, fc.array(fc.tuple(fc.nat(), fc.nat(30), fc.constantFrom('', '<', '>', '"', '&', '/>', '<concept id="z"/>', ' parent-id="z"', ' expanded="true"', '&#xa;')), { maxLength: 3 }), (map, edits) => {
        let text = printCxl(map);
        for (const [at, length, insert] of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(from + length);
        }
        importsOrRefuses(() => parseCxl(text));
      }),
      { numRuns: 300 },
    );
  });
});
