import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecisionResultSchema, evaluate, toMarkdown, type DecisionProblemInput } from '../../../core/decision/index.ts';
import { expectClose, PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, problem } from './fixtures.ts';

const DOC = readFileSync(path.join(import.meta.dirname, '../../../docs/decision-format.md'), 'utf8');
const examples = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)]
  .map((match) => JSON.parse(match[1] ?? '{}') as DecisionProblemInput)
  .filter((example) => 'alternatives' in example);

describe('docs/decision-format.md', () => {
  it('has complete examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((example, i) => [i, example] as const))('example %i evaluates to a result of the documented shape', (_i, example) => {
    const result = evaluate(example);
    expect(DecisionResultSchema.safeParse(result).success).toBe(true);
    expect(toMarkdown(example, result)).toContain('## ');
  });

  it('gives Saaty’s published city priorities for its hierarchy example (rounded judgments)', () => {
    const cities = examples.find((e) => e.weighting?.method === 'ahp-hierarchy');
    if (cities === undefined) throw new Error('the hierarchy example is missing');
    // AHPy tests/test_ahp.py: 0.2291, 0.2748, 0.3852, 0.1110; the doc writes 1/3 as 0.3333 etc.
    expectClose(evaluate(cities).scores, [0.2291, 0.2748, 0.3852, 0.111], 5e-4);
  });
});

describe('result shape', () => {
  it('every method and every optional analysis matches DecisionResultSchema', () => {
    for (const method of ['wsm', 'wpm', 'topsis', 'vikor', 'promethee2'] as const) {
      const result = evaluate(problem(PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, 'benefit', method, { sensitivity: true, smaa: { samples: 200, seed: 1 } }));
      const parsed = DecisionResultSchema.safeParse(result);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(result.ranking).toHaveLength(6);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });
});

describe('Markdown report', () => {
  const input = problem(PAPATHANASIOU, PAPATHANASIOU_WEIGHTS, 'benefit', 'topsis', {
    title: 'Supplier choice',
    sensitivity: true,
    smaa: { samples: 500, seed: 5 },
  });
  input.alternatives[4] = { id: 'a5', name: 'Acme | Sons' };
  const result = evaluate(input);

  it('shows the ranking, weights, details, contributions and analyses', () => {
    const markdown = toMarkdown(input, result);
    expect(markdown).toMatch(/^# Supplier choice\n/);
    expect(markdown).toContain('Method: **TOPSIS** · normalisation: vector');
    expect(markdown).toContain('| Rank | Alternative | Score | D⁺ | D⁻ |');
    // Published closeness of a5: 0.868 (Papathanasiou & Ploskas 2018); four decimals shown.
    expect(markdown).toContain('| 1 | Acme \\| Sons | 0.868');
    for (const heading of ['## Weights', '## Contributions', '## Sensitivity of the weights', '## Stochastic multicriteria acceptability (SMAA)'])
      expect(markdown).toContain(heading);
  });

  it('speaks Chinese on request', () => {
    const markdown = toMarkdown(input, result, 'zh');
    expect(markdown).toContain('## 排序');
    expect(markdown).toContain('| 名次 | 备选方案 | 得分 |');
  });

  it('shows VIKOR’s compromise, AHP consistency and warnings', () => {
    const vikor = problem([[1, null], [2, 3], [3, 1]], null, 'benefit', 'vikor');
    const vikorMarkdown = toMarkdown(vikor, evaluate(vikor));
    expect(vikorMarkdown).toContain('Q (lower is better)');
    expect(vikorMarkdown).toMatch(/Compromise solution: /);
    expect(vikorMarkdown).toContain('- **missing_value**: "a1" has no value for "c2"');
    const ahp: DecisionProblemInput = { ...problem([[1, 2], [2, 1]], null, 'benefit', 'wsm'), weighting: { method: 'ahp', pairwise: [[1, 3], [1 / 3, 1]] } };
    expect(toMarkdown(ahp, evaluate(ahp))).toMatch(/Consistency: λmax = 2\.0000, CI = 0\.0000, CR = 0\.0000/);
  });
});
