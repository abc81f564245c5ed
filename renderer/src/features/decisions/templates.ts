import type { TFunction } from 'i18next';
import type { Problem } from './model.ts';

type Translate = TFunction;

/** Starting points for a new decision, named in the UI language. */
export function templates(t: Translate): { key: string; label: string; problem: Problem }[] {
  const criterion = (key: string, type: 'benefit' | 'cost', weight: number) => ({ id: key, name: t(`decisions.templates.criteria.${key}`), type, weight });
  const option = (key: string) => ({ id: key, name: t(`decisions.templates.options.${key}`) });
  return [
    {
      key: 'blank',
      label: t('decisions.templates.blank'),
      problem: {
        title: t('decisions.untitled'),
        method: 'wsm',
        alternatives: [1, 2, 3].map((n) => ({ id: `option-${n}`, name: t('decisions.option', { n }) })),
        criteria: [1, 2, 3].map((n) => ({ id: `criterion-${n}`, name: t('decisions.criterionN', { n }), type: 'benefit' as const, weight: 1 })),
        matrix: [
          [3, 3, 3],
          [3, 3, 3],
          [3, 3, 3],
        ],
      },
    },
    {
      key: 'market-entry',
      label: t('decisions.templates.marketEntry'),
      problem: {
        title: t('decisions.templates.marketEntry'),
        method: 'topsis',
        alternatives: ['alone', 'partner', 'license'].map(option),
        criteria: [criterion('market', 'benefit', 30), criterion('speed', 'benefit', 25), criterion('investment', 'cost', 25), criterion('risk', 'cost', 20)],
        matrix: [
          [5, 2, 5, 4],
          [4, 4, 3, 3],
          [2, 5, 1, 2],
        ],
      },
    },
    {
      key: 'partner',
      label: t('decisions.templates.partner'),
      problem: {
        title: t('decisions.templates.partner'),
        method: 'wsm',
        alternatives: ['a', 'b', 'c'].map(option),
        criteria: [criterion('fit', 'benefit', 35), criterion('reach', 'benefit', 25), criterion('cost', 'cost', 25), criterion('culture', 'benefit', 15)],
        matrix: [
          [4, 3, 3, 4],
          [3, 5, 4, 3],
          [5, 2, 2, 3],
        ],
      },
    },
  ];
}

/** A decision whose alternatives are knowledge-base entries (models, cases, segments…). */
export function fromEntries(t: Translate, entries: { id: string; title: string }[]): Problem {
  return {
    title: t('decisions.templates.fromKbTitle'),
    method: 'wsm',
    alternatives: entries.map((e, i) => ({ id: `${e.id.split('/')[1] ?? 'entry'}-${i + 1}`.slice(0, 100), name: e.title, entity: e.id })),
    criteria: [1, 2, 3].map((n) => ({ id: `criterion-${n}`, name: t('decisions.criterionN', { n }), type: 'benefit' as const, weight: 1 })),
    matrix: entries.map(() => [3, 3, 3]),
  };
}
