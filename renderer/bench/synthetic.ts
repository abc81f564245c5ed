import { mulberry32 } from '../../core/decision/random.ts';
import type { Concept, ConceptStyle, Group, MapDocument, Phrase } from '../../core/graph/model.ts';

/**
 * A seeded synthetic concept map for `npm run bench:map`: N concepts with short bilingual labels
 * (Chinese, English and mixed, 2–12 characters), about 1.3 propositions per concept, most linking
 * phrases labelled, a few fanning out to two targets, and a few groups. The map grows like a real
 * one: each new concept hangs off a recent one (so nearby ids form neighbourhoods) or off a hub,
 * and cross-links join concepts in the same neighbourhood more often than distant ones. Both bench
 * pages build it from the same seed, so they draw the same graph.
 */

export const SEED = 20_260_101;
export const PROPOSITIONS_PER_CONCEPT = 1.3;

const ZH = [
  '数据', '服务', '平台', '模型', '订阅', '广告', '计算', '资源', '云', '推理', '训练', '市场', '客户', '企业', '合作', '生态',
  '技术', '创新', '成本', '收入', '销售', '产品', '硬件', '软件', '框架', '分布式', '存储', '安全', '隐私', '金融', '医疗',
  '制造', '教育', '培训', '课程', '认证', '定制', '解决方案', '应用商店', '模型市场', '数据交易', '联盟', '算力', '芯片',
  '开源', '社区', '开发者', '品牌', '营销', '定位', '需求', '风险', '合规', '法规', '伦理', '量化', '剪枝', '压缩', '加速',
  '边缘计算', '联邦学习', '量子计算', '人工智能', '深度学习', '大模型', '基础设施', '盈利模式', '商业模式', '数据服务',
  '用户增长', '渠道', '定价', '供应链', '政策', '竞争', '壁垒', '规模', '效率', '体验',
];
const EN = [
  'data', 'service', 'platform', 'model', 'cloud', 'inference', 'training', 'market', 'customer', 'partner', 'ecosystem',
  'cost', 'revenue', 'sales', 'product', 'hardware', 'software', 'storage', 'security', 'privacy', 'finance', 'health',
  'course', 'custom', 'solution', 'exchange', 'alliance', 'chip', 'open', 'community', 'developer', 'brand', 'demand',
  'risk', 'pricing', 'edge', 'quantum', 'growth', 'channel', 'supply', 'policy', 'scale', 'moat', 'churn', 'retention',
];
const ACRONYMS = ['AI', 'API', 'SaaS', 'GPU', 'B2B', 'IoT', 'LLM', 'ROI', 'KPI', 'SDK'];
const LINKS_ZH = ['包括', '导致', '依赖于', '属于', '推动', '需要', '促进', '影响', '是一种', '用于', '提供', '降低', '支持', '构成'];
const LINKS_EN = ['includes', 'leads to', 'depends on', 'is part of', 'drives', 'requires', 'enables', 'affects', 'is a', 'used for', 'lowers', 'supports'];
const SHAPES = ['rect', 'stadium', 'circle', 'hexagon', 'subroutine'] as const;
const KINDS = ['case', 'model', 'segment', 'strategy', 'challenge', 'lesson', 'technique', 'trend'] as const;

const length = (s: string) => [...s].length;

function labelFor(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  for (;;) {
    const r = rand();
    let label: string;
    if (r < 0.45) {
      // Chinese: one to three words run together (数据服务平台).
      const words = 1 + Math.floor(rand() * 3);
      label = Array.from({ length: words }, () => pick(ZH)).join('');
    } else if (r < 0.75) {
      // English: a word or two (cloud platform), sometimes capitalised.
      label = rand() < 0.6 ? `${pick(EN)} ${pick(EN)}` : pick(EN);
      if (rand() < 0.4) label = label[0]?.toUpperCase() + label.slice(1);
    } else {
      // Mixed: AI 平台, 云 API, SaaS 定价, GPU cloud.
      const a = pick(ACRONYMS);
      const b = rand() < 0.7 ? pick(ZH) : pick(EN);
      label = rand() < 0.5 ? `${a} ${b}` : `${b} ${a}`;
      if (rand() < 0.4) label = label.replace(' ', '');
    }
    if (length(label) >= 2 && length(label) <= 12) return label;
  }
}

function styleFor(rand: () => number): ConceptStyle {
  const r = rand();
  if (r < 0.06) return { shape: SHAPES[Math.floor(rand() * SHAPES.length)] };
  if (r < 0.1) return { fill: '#fff3d6' };
  return {};
}

export function syntheticMap(count: number, seed = SEED): MapDocument {
  const rand = mulberry32(seed ^ count);
  const concepts: Concept[] = [];
  for (let i = 0; i < count; i++) {
    const linked = rand() < 0.3;
    concepts.push({
      id: `c${i + 1}`,
      label: labelFor(rand),
      entity: linked ? `${KINDS[Math.floor(rand() * KINDS.length)]}/e${i + 1}` : null,
      style: styleFor(rand),
    });
  }

  const phrases: Phrase[] = [];
  const lastPhraseOf = new Map<string, Phrase>();
  const ends: string[] = []; // every proposition end, for preferential attachment to hubs
  let propositions = 0;
  const phraseLabel = () => (rand() < 0.35 ? '' : rand() < 0.55 ? LINKS_ZH[Math.floor(rand() * LINKS_ZH.length)] : LINKS_EN[Math.floor(rand() * LINKS_EN.length)]) ?? '';
  const addProposition = (from: string, to: string) => {
    const previous = lastPhraseOf.get(from);
    // Now and then "A —includes→ B, C": one phrase, two targets, two propositions.
    if (previous && previous.to.length === 1 && !previous.to.includes(to) && previous.to[0] !== from && rand() < 0.08) previous.to.push(to);
    else {
      const phrase: Phrase = { id: `p${phrases.length + 1}`, label: phraseLabel(), from: [from], to: [to], style: { line: rand() < 0.05 ? 'dotted' : 'solid', head: 'arrow', tail: 'none' } };
      phrases.push(phrase);
      lastPhraseOf.set(from, phrase);
    }
    ends.push(from, to);
    propositions++;
  };

  // A spanning tree: each concept hangs off a recent one, or off a hub.
  for (let i = 1; i < count; i++) {
    const parent = rand() < 0.75 || ends.length === 0 ? Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 24))) : Number((ends[Math.floor(rand() * ends.length)] ?? 'c1').slice(1)) - 1;
    addProposition(`c${parent + 1}`, `c${i + 1}`);
  }
  // Cross-links, mostly within a neighbourhood, until about 1.3 propositions per concept.
  const target = Math.round(count * PROPOSITIONS_PER_CONCEPT);
  while (propositions < target && count > 1) {
    const a = Math.floor(rand() * count);
    const b = rand() < 0.7 ? Math.min(count - 1, Math.max(0, a + Math.round((rand() - 0.5) * 80))) : Math.floor(rand() * count);
    if (a !== b) addProposition(`c${a + 1}`, `c${b + 1}`);
  }

  // A few groups of neighbouring concepts (disjoint runs of ids).
  const groups: Group[] = [];
  const groupCount = count <= 200 ? 2 : count <= 2000 ? 5 : 8;
  const stride = Math.floor(count / groupCount);
  for (let g = 0; g < groupCount && stride >= 20; g++) {
    const size = 6 + Math.floor(rand() * 10);
    const start = g * stride + Math.floor(rand() * (stride - size));
    groups.push({
      id: `g${g + 1}`,
      title: rand() < 0.5 ? `${ZH[Math.floor(rand() * ZH.length)]}模块` : `${EN[Math.floor(rand() * EN.length)]} cluster`,
      parent: null,
      members: Array.from({ length: size }, (_, k) => `c${start + k + 1}`),
      collapsed: false,
    });
  }

  return {
    title: `Synthetic map (${count} concepts)`,
    concepts,
    phrases,
    groups,
    layout: {},
    settings: { direction: 'TB', layout: 'layered' },
  };
}

/** Every proposition as a (source, phrase, target) triple, as force-graph's links. */
export function propositionLinks(map: MapDocument): { source: string; target: string; phrase: string }[] {
  return map.phrases.flatMap((p) => p.from.flatMap((from) => p.to.map((to) => ({ source: from, target: to, phrase: p.id }))));
}
