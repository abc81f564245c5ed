import { describe, expect, it } from 'vitest';
import { evaluate, toMarkdown } from '../../../core/decision/index.ts';
import type { DecisionProblemInput } from '../../../core/decision/schema.ts';

const problem: DecisionProblemInput = {
  title: 'Which model?',
  alternatives: [{ id: 'sales' }, { id: 'subscription', name: 'Subscription' }],
  criteria: [
    { id: 'recurring', name: 'Recurring revenue', type: 'benefit', weight: 2 },
    { id: 'rnd', name: 'Upfront R&D', type: 'cost', weight: 1 },
  ],
  matrix: [
    [2, 5],
    [5, 3],
  ],
  method: 'wsm',
  evidence: [{ alternative: 'subscription', criterion: 'recurring', entity: 'model/service-subscription', note: 'continuous revenue stream' }],
};

describe('evidence in a decision', () => {
  it('does not change the evaluation', () => {
    const withEvidence = evaluate(problem);
    const without = evaluate({ ...problem, evidence: [] });
    expect(withEvidence.scores).toEqual(without.scores);
  });

  it('is listed in the report with the entry title and the note', () => {
    const report = toMarkdown(problem, evaluate(problem), 'en', (id) => (id === 'model/service-subscription' ? 'Service subscription' : undefined));
    expect(report).toContain('## Evidence');
    expect(report).toMatch(/\| Subscription \| Recurring revenue \| Service subscription \(model\/service-subscription\) \| continuous revenue stream \|/);
  });

  it('must cite an alternative and a criterion of the problem', () => {
    expect(() => evaluate({ ...problem, evidence: [{ alternative: 'nope', criterion: 'recurring', entity: 'case/x' }] })).toThrow(/evidence\[0\]\.alternative/);
    expect(() => evaluate({ ...problem, evidence: [{ criterion: 'margin', entity: 'case/x' }] })).toThrow(/evidence\[0\]\.criterion/);
  });
});

describe('the decision matrix as CSV', () => {
  it('round-trips alternatives, criteria with type, weight and name, and missing values', async () => {
    const { printDecisionCsv, parseDecisionCsv } = await import('../../../core/decision/csv.ts');
    const withGap = { ...problem, matrix: [[2, null], [5, 3]] };
    const back = parseDecisionCsv(printDecisionCsv(withGap), 'm.csv', { method: 'wsm' });
    expect(back.alternatives).toEqual([{ id: 'sales' }, { id: 'subscription', name: 'Subscription' }]);
    expect(back.criteria).toEqual(problem.criteria);
    expect(back.matrix).toEqual([[2, null], [5, 3]]);
  });

  it('reads semicolon files with decimal commas and names the line and column of a bad value', async () => {
    const { parseDecisionCsv } = await import('../../../core/decision/csv.ts');
    const csv = 'alternative;name;entity;a;b\n#type;;;benefit;cost\nx;;;1,5;2\ny;;;oops;3\n';
    expect(() => parseDecisionCsv(csv, 'eu.csv')).toThrow(/eu\.csv: line 4, a: "oops" is not a number/);
    const good = parseDecisionCsv(csv.replace('oops', '4'), 'eu.csv');
    expect(good.matrix).toEqual([[1.5, 2], [4, 3]]);
    expect(good.criteria.map((c) => c.type)).toEqual(['benefit', 'cost']);
  });
});
