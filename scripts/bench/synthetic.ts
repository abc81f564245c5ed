import { mulberry32 } from '../../core/decision/random.ts';
import type { Entity } from '../../core/model/entity.ts';

/**
 * Synthetic bilingual knowledge for benchmarks and load tests: seeded, so every run builds the
 * same data. Words follow Zipf's law over a vocabulary of a few thousand words, as in real text:
 * the seed book's domain terms sit among the frequent ones (each in a few per cent of entries,
 * like "platform" in a real knowledge base), and a long tail of filler words makes up the rest.
 */

const ZH = [
  '数据', '服务', '平台', '模型', '订阅', '广告', '计算', '资源', '云', '推理', '训练', '市场', '客户', '企业', '合作', '生态',
  '技术', '创新', '成本', '收入', '销售', '产品', '硬件', '软件', '框架', '分布式', '存储', '安全', '隐私', '金融', '医疗',
  '制造', '教育', '培训', '课程', '认证', '定制', '解决方案', '应用商店', '模型市场', '数据交易', '联盟', '算力', '芯片',
  '开源', '社区', '开发者', '品牌', '营销', '定位', '需求', '风险', '合规', '法规', '伦理', '量化', '剪枝', '压缩', '加速',
  '边缘计算', '联邦学习', '量子计算', '人工智能', '深度学习', '大模型', '基础设施', '盈利模式', '商业模式', '数据服务',
];
const EN = [
  'data', 'service', 'platform', 'model', 'subscription', 'advertising', 'compute', 'resource', 'cloud', 'inference',
  'training', 'market', 'customer', 'enterprise', 'partnership', 'ecosystem', 'technology', 'innovation', 'cost', 'revenue',
  'sales', 'product', 'hardware', 'software', 'framework', 'distributed', 'storage', 'security', 'privacy', 'finance',
  'healthcare', 'manufacturing', 'education', 'course', 'certification', 'custom', 'solution', 'marketplace', 'exchange',
  'alliance', 'chip', 'open', 'community', 'developer', 'brand', 'marketing', 'positioning', 'demand', 'risk', 'compliance',
  'regulation', 'ethics', 'quantisation', 'pruning', 'compression', 'acceleration', 'edge', 'federated', 'quantum', 'AI',
];
const KINDS = ['case', 'model', 'segment', 'strategy', 'challenge', 'lesson'] as const;

const VOCABULARY_SIZE = 6000;
const ZH_CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
const EN_SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'va', 'lo', 'sen', 'di', 'pra', 'nu', 'tor', 'el', 'quin', 'bar', 'so', 'lek', 'fa', 'ri', 'dun', 'ho'];

interface Vocabulary {
  zh: string[];
  en: string[];
  cumulative: number[];
}

/** Domain words at ranks 20–160 (common but not ubiquitous), filler everywhere else. */
function vocabulary(rand: () => number): Vocabulary {
  const zh: string[] = [];
  const en: string[] = [];
  const chars = [...ZH_CHARS];
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
    const domain = rank >= 20 && rank % 2 === 0 ? (rank - 20) / 2 : -1;
    if (domain >= 0 && domain < ZH.length) {
      zh.push(ZH[domain]!);
      en.push(EN[domain % EN.length]!);
      continue;
    }
    zh.push(chars[Math.floor(rand() * chars.length)]! + chars[Math.floor(rand() * chars.length)]!);
    const syllables = 2 + Math.floor(rand() * 2);
    let word = '';
    for (let i = 0; i < syllables; i++) word += EN_SYLLABLES[Math.floor(rand() * EN_SYLLABLES.length)]!;
    en.push(word);
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= VOCABULARY_SIZE; rank++) cumulative.push((sum += 1 / rank));
  return { zh, en, cumulative: cumulative.map((c) => c / sum) };
}

function zipfIndex(v: Vocabulary, rand: () => number): number {
  const x = rand();
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function words(rand: () => number, v: Vocabulary, n: number, lang: 'zh' | 'en'): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(v[lang][zipfIndex(v, rand)]!);
  return out.join(lang === 'zh' ? '' : ' ');
}

export function syntheticEntities(count: number, seed = 42): Entity[] {
  const rand = mulberry32(seed);
  const v = vocabulary(rand);
  const at = '2026-01-01T00:00:00.000Z';
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const attrs: Record<string, string> = kind === 'case' ? { outcome: rand() < 0.7 ? 'success' : 'failure' } : {};
    entities.push({
      id: `${kind}/synthetic-${i}`,
      kind,
      title: { zh: `${words(rand, v, 3, 'zh')} ${i}`, en: `${words(rand, v, 3, 'en')} ${i}` },
      summary: { zh: words(rand, v, 18, 'zh'), en: words(rand, v, 18, 'en') },
      attrs,
      texts: {},
      lists:
        kind === 'case'
          ? { factors: [{ zh: words(rand, v, 8, 'zh'), en: words(rand, v, 8, 'en') }, { zh: words(rand, v, 8, 'zh'), en: words(rand, v, 8, 'en') }] }
          : {},
      tags: [EN[i % 17]!],
      source: `§${1 + (i % 8)}.${1 + (i % 3)}`,
      origin: 'user',
      revision: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  return entities;
}
