import type { Bilingual } from './text.ts';

/**
 * The knowledge base is one graph. Entity kinds and relation kinds are declared here, once, as
 * data: the store, the library UI, the seed loader and the importers all read these tables, so a
 * new kind is added in one place.
 */

export const ENTITY_KINDS = [
  'case',
  'model',
  'segment',
  'component',
  'element',
  'technique',
  'challenge',
  'strategy',
  'trend',
  'lesson',
  'insight',
  'organisation',
  'term',
  'reference',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A choice-valued attribute such as a case's outcome. */
export interface AttributeDef {
  key: string;
  label: Bilingual;
  options: readonly { value: string; label: Bilingual }[];
  required?: boolean;
}

/** A single bilingual text (a case's product) or a list of them (a model's advantages). */
export interface TextFieldDef {
  key: string;
  label: Bilingual;
}

export interface KindDef {
  kind: EntityKind;
  label: Bilingual;
  plural: Bilingual;
  attributes: readonly AttributeDef[];
  texts: readonly TextFieldDef[];
  lists: readonly TextFieldDef[];
}

const t = (zh: string, en: string): Bilingual => ({ zh, en });

export const OUTCOMES = ['success', 'failure', 'example'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const KINDS: Record<EntityKind, KindDef> = {
  case: {
    kind: 'case',
    label: t('案例', 'Case'),
    plural: t('案例', 'Cases'),
    attributes: [
      {
        key: 'outcome',
        label: t('结果', 'Outcome'),
        required: true,
        options: [
          { value: 'success', label: t('成功', 'Success') },
          { value: 'failure', label: t('失败', 'Failure') },
          { value: 'example', label: t('实践示例', 'In practice') },
        ],
      },
    ],
    texts: [{ key: 'product', label: t('产品', 'Product') }],
    lists: [
      { key: 'factors', label: t('成功因素 / 失败原因', 'Success factors / causes of failure') },
      { key: 'practices', label: t('做法', 'Practices') },
      { key: 'lessons', label: t('经验教训', 'Lessons') },
    ],
  },
  model: {
    kind: 'model',
    label: t('盈利模式', 'Business model'),
    plural: t('盈利模式', 'Business models'),
    attributes: [
      {
        key: 'family',
        label: t('类别', 'Family'),
        options: [
          { value: 'core', label: t('基本模式', 'Core model') },
          { value: 'fee-form', label: t('收费形式', 'Fee form') },
          { value: 'innovative', label: t('创新模式', 'Innovative model') },
        ],
      },
    ],
    texts: [],
    lists: [
      { key: 'advantages', label: t('优势', 'Advantages') },
      { key: 'challenges', label: t('挑战', 'Challenges') },
      { key: 'forms', label: t('形式', 'Forms') },
      { key: 'examples', label: t('示例', 'Examples') },
    ],
  },
  segment: {
    kind: 'segment',
    label: t('市场细分', 'Market segment'),
    plural: t('市场细分', 'Market segments'),
    attributes: [
      {
        key: 'dimension',
        label: t('细分维度', 'Dimension'),
        options: [
          { value: 'scenario', label: t('应用场景', 'Application scenario') },
          { value: 'customer-size', label: t('客户规模', 'Customer size') },
          { value: 'tech-capability', label: t('技术能力', 'Technical capability') },
        ],
      },
    ],
    texts: [],
    lists: [
      { key: 'includes', label: t('包括', 'Includes') },
      { key: 'needs', label: t('需求', 'Needs') },
    ],
  },
  component: {
    kind: 'component',
    label: t('基础设施组件', 'Infrastructure component'),
    plural: t('基础设施组件', 'Infrastructure components'),
    attributes: [],
    texts: [],
    lists: [{ key: 'traits', label: t('特点', 'Traits') }],
  },
  element: {
    kind: 'element',
    label: t('关键要素', 'Key element'),
    plural: t('关键要素', 'Key elements'),
    attributes: [],
    texts: [],
    lists: [],
  },
  technique: {
    kind: 'technique',
    label: t('技术方法', 'Technique'),
    plural: t('技术方法', 'Techniques'),
    attributes: [
      {
        key: 'stage',
        label: t('阶段', 'Stage'),
        options: [
          { value: 'training', label: t('训练', 'Training') },
          { value: 'inference', label: t('推理', 'Inference') },
          { value: 'optimisation', label: t('优化', 'Optimisation') },
        ],
      },
    ],
    texts: [],
    lists: [{ key: 'methods', label: t('方法', 'Methods') }],
  },
  challenge: {
    kind: 'challenge',
    label: t('挑战', 'Challenge'),
    plural: t('挑战', 'Challenges'),
    attributes: [
      {
        key: 'scope',
        label: t('范围', 'Scope'),
        options: [
          { value: 'infrastructure', label: t('基础设施', 'Infrastructure') },
          { value: 'industry', label: t('行业', 'Industry') },
        ],
      },
    ],
    texts: [],
    lists: [{ key: 'issues', label: t('具体问题', 'Issues') }],
  },
  strategy: {
    kind: 'strategy',
    label: t('策略', 'Strategy'),
    plural: t('策略', 'Strategies'),
    attributes: [],
    texts: [],
    lists: [{ key: 'methods', label: t('方法', 'Methods') }],
  },
  trend: {
    kind: 'trend',
    label: t('趋势与展望', 'Trend / outlook'),
    plural: t('趋势与展望', 'Trends and outlook'),
    attributes: [
      {
        key: 'horizon',
        label: t('类型', 'Type'),
        options: [
          { value: 'trend', label: t('发展趋势', 'Current trend') },
          { value: 'outlook', label: t('未来展望', 'Outlook') },
        ],
      },
    ],
    texts: [],
    lists: [{ key: 'examples', label: t('示例', 'Examples') }],
  },
  lesson: {
    kind: 'lesson',
    label: t('经验启示', 'Lesson'),
    plural: t('经验启示', 'Lessons'),
    attributes: [],
    texts: [],
    lists: [],
  },
  insight: {
    kind: 'insight',
    label: t('结论与建议', 'Conclusion / recommendation'),
    plural: t('结论与建议', 'Conclusions and recommendations'),
    attributes: [
      {
        key: 'type',
        label: t('类型', 'Type'),
        options: [
          { value: 'conclusion', label: t('结论', 'Conclusion') },
          { value: 'recommendation', label: t('建议', 'Recommendation') },
          { value: 'research', label: t('研究方向', 'Research direction') },
        ],
      },
    ],
    texts: [],
    lists: [],
  },
  organisation: {
    kind: 'organisation',
    label: t('组织', 'Organisation'),
    plural: t('组织', 'Organisations'),
    attributes: [],
    texts: [],
    lists: [],
  },
  term: {
    kind: 'term',
    label: t('术语', 'Glossary term'),
    plural: t('术语', 'Glossary'),
    attributes: [],
    texts: [],
    lists: [{ key: 'examples', label: t('示例', 'Examples') }],
  },
  reference: {
    kind: 'reference',
    label: t('参考文献', 'Reference'),
    plural: t('参考文献', 'References'),
    attributes: [],
    texts: [],
    lists: [],
  },
};

export const RELATION_KINDS = [
  'uses-model',
  'targets-segment',
  'addressed-by',
  'part-of',
  'teaches',
  'partners-with',
  'form-of',
  'run-by',
  'example-of',
  'related-to',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface RelationDef {
  kind: RelationKind;
  /** How the relation reads from its source ("uses model") and from its target ("used by"). */
  forward: Bilingual;
  inverse: Bilingual;
  /** Allowed source and target kinds; an empty list allows every kind. */
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** Symmetric relations read the same both ways (partners with). */
  symmetric?: boolean;
}

export const RELATIONS: Record<RelationKind, RelationDef> = {
  'uses-model': {
    kind: 'uses-model',
    forward: t('采用模式', 'uses model'),
    inverse: t('被案例采用', 'used by'),
    from: ['case', 'organisation'],
    to: ['model'],
  },
  'targets-segment': {
    kind: 'targets-segment',
    forward: t('面向细分市场', 'targets segment'),
    inverse: t('被模式面向', 'targeted by'),
    from: ['model', 'case'],
    to: ['segment'],
  },
  'addressed-by': {
    kind: 'addressed-by',
    forward: t('应对策略', 'addressed by'),
    inverse: t('应对挑战', 'addresses'),
    from: ['challenge'],
    to: ['strategy', 'technique', 'component'],
  },
  'part-of': {
    kind: 'part-of',
    forward: t('属于', 'part of'),
    inverse: t('包含', 'has part'),
    from: ['component', 'technique', 'element', 'strategy'],
    to: ['component', 'technique', 'element', 'strategy'],
  },
  teaches: {
    kind: 'teaches',
    forward: t('带来启示', 'teaches'),
    inverse: t('来自案例', 'learned from'),
    from: ['case'],
    to: ['lesson'],
  },
  'partners-with': {
    kind: 'partners-with',
    forward: t('合作伙伴', 'partners with'),
    inverse: t('合作伙伴', 'partners with'),
    from: ['organisation'],
    to: ['organisation'],
    symmetric: true,
  },
  'form-of': {
    kind: 'form-of',
    forward: t('是……的一种形式', 'is a form of'),
    inverse: t('形式', 'has form'),
    from: ['model'],
    to: ['model'],
  },
  'run-by': {
    kind: 'run-by',
    forward: t('所属组织', 'run by'),
    inverse: t('案例', 'runs'),
    from: ['case', 'component'],
    to: ['organisation'],
  },
  'example-of': {
    kind: 'example-of',
    forward: t('是……的示例', 'is an example of'),
    inverse: t('示例', 'has example'),
    from: [],
    to: [],
  },
  'related-to': {
    kind: 'related-to',
    forward: t('相关', 'related to'),
    inverse: t('相关', 'related to'),
    from: [],
    to: [],
    symmetric: true,
  },
};

export function relationAllowed(kind: RelationKind, fromKind: EntityKind, toKind: EntityKind): boolean {
  const def = RELATIONS[kind];
  return (def.from.length === 0 || def.from.includes(fromKind)) && (def.to.length === 0 || def.to.includes(toKind));
}
