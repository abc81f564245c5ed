import { describe, expect, it } from 'vitest';
import { SOURCE_DATA_DIR } from '../../electron/server/paths.ts';
import { readSeed, type SeedEntity } from '../../electron/server/store/seed.ts';

/**
 * The default knowledge base transcribes the book 《大模型基础设施的盈利模式》. This test keeps, as a
 * checklist, what the transcription must contain: every case, business model, segment, challenge and
 * strategy the book names, with the section that states it. It also checks that every text is
 * bilingual, that every relation cites a known section, and that every leaf section of the book
 * (except §1.3, the book's own structure) is the source of something.
 */

const seed = readSeed(SOURCE_DATA_DIR);
const byId = new Map(seed.entities.map((e) => [e.id, e]));

type Checklist = readonly (readonly [id: string, section: string, attr?: string])[];

/** [id, source section, outcome] */
const CASES: Checklist = [
  ['case/google-tensorflow', '§5.1.1', 'success'],
  ['case/amazon-aws', '§5.1.2', 'success'],
  ['case/microsoft-azure-ml', '§5.1.3', 'success'],
  ['case/nvidia-tesla-k80', '§5.2.1', 'failure'],
  ['case/ibm-watson', '§5.2.2', 'failure'],
  ['case/openai-gpt-3', '§4.4.3', 'example'],
  ['case/google-ai-app-store', '§6.2.1', 'example'],
  ['case/openai-data-services', '§6.2.2', 'example'],
  ['case/microsoft-azure-ai-training', '§6.2.3', 'example'],
  ['case/google-tpu', '§1.2.1', 'example'],
  ['case/tensorflow-serving', '§1.2.2', 'example'],
  ['case/amazon-elastic-inference', '§4.4.2', 'example'],
  ['case/microsoft-nvidia-partnership', '§4.1.5', 'example'],
  ['case/coursera', '§1.2.4', 'example'],
  ['case/udacity', '§1.2.4', 'example'],
];

/** [id, source section, family] */
const MODELS: Checklist = [
  ['model/product-sales', '§4.1.1', 'core'],
  ['model/service-subscription', '§4.1.2', 'core'],
  ['model/advertising-and-data-services', '§4.1.3', 'core'],
  ['model/education-and-training', '§4.1.4', 'core'],
  ['model/partnerships', '§4.1.5', 'core'],
  ['model/fee-based-services', '§4.3.1', 'fee-form'],
  ['model/pay-as-you-go', '§4.3.1', 'fee-form'],
  ['model/subscription-fee', '§4.3.1', 'fee-form'],
  ['model/prepaid-term', '§4.3.1', 'fee-form'],
  ['model/advertising-revenue', '§4.3.2', 'fee-form'],
  ['model/in-app-ads', '§4.3.2', 'fee-form'],
  ['model/data-trading', '§4.3.2', 'fee-form'],
  ['model/content-marketing', '§4.3.2', 'fee-form'],
  ['model/product-sales-model', '§4.3.3', 'fee-form'],
  ['model/hardware', '§4.3.3', 'fee-form'],
  ['model/software-products', '§4.3.3', 'fee-form'],
  ['model/service-products', '§4.3.3', 'fee-form'],
  ['model/partnership-model', '§4.3.4', 'fee-form'],
  ['model/technical-partnership', '§4.3.4', 'fee-form'],
  ['model/market-partnership', '§4.3.4', 'fee-form'],
  ['model/resource-sharing-partnership', '§4.3.4', 'fee-form'],
  ['model/customised-service', '§6.1.1', 'innovative'],
  ['model/industry-solutions', '§6.1.1', 'innovative'],
  ['model/enterprise-services', '§6.1.1', 'innovative'],
  ['model/application-marketplace', '§6.1.2', 'innovative'],
  ['model/ai-app-store', '§6.1.2', 'innovative'],
  ['model/model-marketplace', '§6.1.2', 'innovative'],
  ['model/education-training-model', '§6.1.3', 'innovative'],
  ['model/online-education-platform', '§6.1.3', 'innovative'],
  ['model/corporate-training', '§6.1.3', 'innovative'],
  ['model/data-service-model', '§6.1.4', 'innovative'],
  ['model/data-trading-platform', '§6.1.4', 'innovative'],
  ['model/data-sharing-alliance', '§6.1.4', 'innovative'],
];

/** [id, source section, dimension] */
const SEGMENTS: Checklist = [
  ['segment/industrial-manufacturing', '§4.2.1', 'scenario'],
  ['segment/finance', '§4.2.1', 'scenario'],
  ['segment/healthcare', '§4.2.1', 'scenario'],
  ['segment/nlp', '§4.2.1', 'scenario'],
  ['segment/large-enterprises', '§4.2.2', 'customer-size'],
  ['segment/smes', '§4.2.2', 'customer-size'],
  ['segment/research-institutions', '§4.2.2', 'customer-size'],
  ['segment/technology-leaders', '§4.2.3', 'tech-capability'],
  ['segment/technology-followers', '§4.2.3', 'tech-capability'],
  ['segment/technology-collaborators', '§4.2.3', 'tech-capability'],
];

/** [id, source section, scope] */
const CHALLENGES: Checklist = [
  ['challenge/compute-demand', '§3.3', 'infrastructure'],
  ['challenge/data-management', '§3.3', 'infrastructure'],
  ['challenge/interpretability', '§3.3', 'infrastructure'],
  ['challenge/security', '§3.3', 'infrastructure'],
  ['challenge/technical-challenges', '§7.2.1', 'industry'],
  ['challenge/data-challenges', '§7.2.2', 'industry'],
  ['challenge/business-challenges', '§7.2.3', 'industry'],
  ['challenge/regulatory-challenges', '§7.2.4', 'industry'],
];

/** [id, source section] */
const STRATEGIES: Checklist = [
  ['strategy/distributed-computing', '§3.3'],
  ['strategy/cloud-services', '§3.3'],
  ['strategy/efficient-algorithms', '§3.3'],
  ['strategy/data-quality-management', '§3.3'],
  ['strategy/distributed-data-storage', '§3.3'],
  ['strategy/data-sharing-and-circulation', '§3.3'],
  ['strategy/model-visualisation', '§3.3'],
  ['strategy/feature-importance-analysis', '§3.3'],
  ['strategy/explanation-algorithms', '§3.3'],
  ['strategy/data-encryption', '§3.3'],
  ['strategy/access-control', '§3.3'],
  ['strategy/model-verification', '§3.3'],
  ['strategy/technical-innovation', '§6.3.1'],
  ['strategy/market-expansion', '§6.3.2'],
  ['strategy/service-improvement', '§6.3.3'],
  ['strategy/data-analysis', '§6.3.4'],
];

/** Which strategies answer which §3.3 challenge. */
const ADDRESSED_BY: Record<string, readonly string[]> = {
  'challenge/compute-demand': ['strategy/distributed-computing', 'strategy/cloud-services', 'strategy/efficient-algorithms'],
  'challenge/data-management': [
    'strategy/data-quality-management',
    'strategy/distributed-data-storage',
    'strategy/data-sharing-and-circulation',
  ],
  'challenge/interpretability': [
    'strategy/model-visualisation',
    'strategy/feature-importance-analysis',
    'strategy/explanation-algorithms',
  ],
  'challenge/security': ['strategy/data-encryption', 'strategy/access-control', 'strategy/model-verification'],
};

const filled = (text: { zh: string; en: string } | undefined): boolean =>
  text !== undefined && text.zh.trim() !== '' && text.en.trim() !== '';

/** Every bilingual text of an entity, with a path for the failure message. */
function texts(e: SeedEntity): [string, { zh: string; en: string }][] {
  const out: [string, { zh: string; en: string }][] = [
    ['title', e.title],
    ['summary', e.summary],
  ];
  for (const [key, text] of Object.entries(e.texts)) out.push([`texts.${key}`, text]);
  for (const [key, items] of Object.entries(e.lists)) items.forEach((item, i) => out.push([`lists.${key}[${i}]`, item]));
  return out;
}

function checkListed(list: Checklist, kind: string, attr?: string): void {
  for (const [id, section, value] of list) {
    const e = byId.get(id);
    expect(e, `${id} is missing`).toBeDefined();
    if (!e) continue;
    expect(e.kind, `${id} kind`).toBe(kind);
    expect(e.source, `${id} source`).toBe(section);
    expect(filled(e.title), `${id} title must have zh and en`).toBe(true);
    expect(filled(e.summary), `${id} summary must have zh and en`).toBe(true);
    if (attr) expect(e.attrs[attr], `${id} ${attr}`).toBe(value);
  }
}

describe('seed coverage of the book', () => {
  it('reads without problems', () => {
    expect(seed.entities.length).toBeGreaterThan(100);
    expect(seed.relations.length).toBeGreaterThan(100);
  });

  it('holds every case with its section and outcome', () => checkListed(CASES, 'case', 'outcome'));
  it('holds every business model with its section and family', () => checkListed(MODELS, 'model', 'family'));
  it('holds every market segment with its section and dimension', () => checkListed(SEGMENTS, 'segment', 'dimension'));
  it('holds every challenge with its section and scope', () => checkListed(CHALLENGES, 'challenge', 'scope'));
  it('holds every strategy with its section', () => checkListed(STRATEGIES, 'strategy'));

  it('gives success cases outcome success and failure cases outcome failure', () => {
    const success = seed.entities.filter((e) => e.kind === 'case' && e.source.startsWith('§5.1.'));
    const failure = seed.entities.filter((e) => e.kind === 'case' && e.source.startsWith('§5.2.'));
    expect(success.map((e) => e.id).sort()).toEqual(['case/amazon-aws', 'case/google-tensorflow', 'case/microsoft-azure-ml']);
    expect(failure.map((e) => e.id).sort()).toEqual(['case/ibm-watson', 'case/nvidia-tesla-k80']);
    for (const e of success) expect(e.attrs.outcome, e.id).toBe('success');
    for (const e of failure) expect(e.attrs.outcome, e.id).toBe('failure');
  });

  it('links each infrastructure challenge to its three strategies', () => {
    for (const [challenge, strategies] of Object.entries(ADDRESSED_BY)) {
      const linked = seed.relations
        .filter((r) => r.kind === 'addressed-by' && r.from === challenge && r.to.startsWith('strategy/'))
        .map((r) => r.to)
        .sort();
      expect(linked, challenge).toEqual([...strategies].sort());
    }
  });

  it('links every fee form and innovative sub-form to its parent model', () => {
    const parents = new Set(seed.relations.filter((r) => r.kind === 'form-of').map((r) => r.from));
    const groupings = ['model/fee-based-services', 'model/product-sales-model', 'model/partnership-model'];
    const topInnovative = [
      'model/customised-service',
      'model/application-marketplace',
      'model/education-training-model',
      'model/data-service-model',
    ];
    for (const [id, , family] of MODELS) {
      if (family === 'core' || groupings.includes(id) || topInnovative.includes(id)) continue;
      expect(parents.has(id), `${id} needs a form-of relation`).toBe(true);
    }
  });

  it('writes every text field and list item of every entity in both languages', () => {
    const missing: string[] = [];
    for (const e of seed.entities) for (const [path, text] of texts(e)) if (!filled(text)) missing.push(`${e.id} ${path}`);
    for (const r of seed.relations)
      if ((r.note.zh.trim() !== '' || r.note.en.trim() !== '') && !filled(r.note))
        missing.push(`${r.from} ${r.kind} ${r.to} note`);
    expect(missing).toEqual([]);
  });

  it('cites a known section for every entity and every relation', () => {
    const sections = new Set(seed.sections.map((s) => s.id));
    const unknown = [
      ...seed.entities.filter((e) => !sections.has(e.source)).map((e) => `${e.id}: ${e.source}`),
      ...seed.relations.filter((r) => !sections.has(r.source)).map((r) => `${r.from} ${r.kind} ${r.to}: ${r.source}`),
    ];
    expect(unknown).toEqual([]);
  });

  it('cites every leaf section of the book except §1.3', () => {
    const ids = seed.sections.map((s) => s.id);
    const leaves = ids.filter((id) => !ids.some((other) => other.startsWith(`${id}.`)));
    const cited = new Set([...seed.entities.map((e) => e.source), ...seed.relations.map((r) => r.source)]);
    const uncited = leaves.filter((id) => id !== '§1.3' && !cited.has(id));
    expect(uncited).toEqual([]);
  });
});
