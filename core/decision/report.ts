import type { Language } from '../model/text.ts';
import type { DecisionProblem, DecisionResult } from './schema.ts';
import { parseProblem } from './validate.ts';

/** A readable Markdown report of one evaluation, in English or Chinese. */

const LABELS = {
  en: {
    title: 'Decision report',
    method: 'Method',
    normalization: 'normalisation',
    weighting: 'weighting',
    size: (m: number, n: number) => `${m} alternatives × ${n} criteria`,
    ranking: 'Ranking',
    rank: 'Rank',
    alternative: 'Alternative',
    score: 'Score',
    lowerBetter: 'lower is better',
    compromise: 'Compromise solution',
    advantage: 'acceptable advantage',
    stability: 'acceptable stability',
    yes: 'yes',
    no: 'no',
    weights: 'Weights',
    criterion: 'Criterion',
    type: 'Type',
    weight: 'Weight',
    benefit: 'benefit',
    cost: 'cost',
    consistency: 'Consistency',
    localConsistency: 'Consistency of the alternatives’ comparisons',
    notComputed: 'not computed',
    contributions: 'Contributions',
    contributionsNote: {
      wsm: 'weighted normalised values; they add up to the score',
      wpm: 'weight × ln(normalised value); they add up to ln(score)',
      topsis: 'weighted normalised values, the coordinates the distances are measured on',
      vikor: 'weighted regrets; they add up to S',
      promethee2: 'weight × unicriterion net flow; they add up to the net flow',
    },
    group: 'Group judgments',
    participants: 'Participants',
    disagreement: 'Where people disagree most (geometric standard deviation; 1 = full agreement)',
    cell: 'Cell',
    spread: 'GSD',
    range: 'Range',
    sensitivity: 'Sensitivity of the weights',
    sensitivityNote: (top: string) => `Shares of the total weight; other criteria keep their proportions. "${top}" ranks first at the current weights.`,
    current: 'Current',
    topStays: 'Top stays first for',
    nearestSwap: 'Nearest swap',
    none: 'none',
    at: 'at',
    smaa: 'Stochastic multicriteria acceptability (SMAA)',
    smaaNote: (samples: number, seed: number) => `${samples} weight vectors drawn uniformly (seed ${seed}).`,
    firstRank: 'First-rank acceptability',
    centralWeights: 'Central weights',
    never: 'never first',
    warnings: 'Warnings',
    evidence: 'Evidence',
    evidenceNote: 'Knowledge-base entries cited for the scores.',
    whole: 'all alternatives',
    source: 'Entry',
    note: 'Note',
  },
  zh: {
    title: '决策报告',
    method: '方法',
    normalization: '归一化',
    weighting: '赋权',
    size: (m: number, n: number) => `${m} 个备选方案 × ${n} 个准则`,
    ranking: '排序',
    rank: '名次',
    alternative: '备选方案',
    score: '得分',
    lowerBetter: '越低越好',
    compromise: '折衷解',
    advantage: '可接受优势',
    stability: '可接受稳定性',
    yes: '是',
    no: '否',
    weights: '权重',
    criterion: '准则',
    type: '类型',
    weight: '权重',
    benefit: '效益型',
    cost: '成本型',
    consistency: '一致性',
    localConsistency: '备选方案两两比较的一致性',
    notComputed: '未计算',
    contributions: '各准则贡献',
    contributionsNote: {
      wsm: '加权归一化值，之和等于得分',
      wpm: '权重 × ln(归一化值)，之和等于 ln(得分)',
      topsis: '加权归一化值，即计算距离所用的坐标',
      vikor: '加权遗憾值，之和等于 S',
      promethee2: '权重 × 单准则净流量，之和等于净流量',
    },
    group: '群体判断',
    participants: '参与者',
    disagreement: '分歧最大之处（几何标准差；1 表示完全一致）',
    cell: '单元',
    spread: '几何标准差',
    range: '范围',
    sensitivity: '权重敏感性',
    sensitivityNote: (top: string) => `以占总权重的比例表示；其他准则按原比例缩放。当前权重下排名第一的是“${top}”。`,
    current: '当前',
    topStays: '保持第一的区间',
    nearestSwap: '最近的名次交换',
    none: '无',
    at: '于',
    smaa: '随机多准则可接受性分析（SMAA）',
    smaaNote: (samples: number, seed: number) => `在单纯形上均匀抽取 ${samples} 组权重（种子 ${seed}）。`,
    firstRank: '第一名可接受度',
    centralWeights: '中心权重',
    never: '从未第一',
    warnings: '警告',
    evidence: '证据',
    evidenceNote: '评分所引用的知识库条目。',
    whole: '所有备选方案',
    source: '条目',
    note: '备注',
  },
} as const;

const METHOD_NAMES = { wsm: 'WSM', wpm: 'WPM', topsis: 'TOPSIS', vikor: 'VIKOR', promethee2: 'PROMETHEE II' } as const;

/** Table cells: no pipes or line breaks from user text. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function num(x: number, digits = 4): string {
  const fixed = x.toFixed(digits);
  return /^-0\.?0*$/.test(fixed) ? fixed.slice(1) : fixed;
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * Renders the result of `evaluate(problem)`. The problem supplies names and settings; it is
 * validated again so the report can be built from a file and a stored result alike.
 */
export function toMarkdown(
  problem: unknown | DecisionProblem,
  result: DecisionResult,
  lang: Language = 'en',
  /** Titles for cited knowledge-base entries; the id is shown where none is known. */
  entityTitle: (id: string) => string | undefined = () => undefined,
): string {
  const p = parseProblem(problem);
  const t = LABELS[lang];
  const altName = new Map(p.alternatives.map((a) => [a.id, a.name ?? a.id]));
  const critName = new Map(p.criteria.map((c) => [c.id, c.name ?? c.id]));
  const alt = (id: string): string => cell(altName.get(id) ?? id);
  const crit = (id: string): string => cell(critName.get(id) ?? id);
  const index = new Map(result.alternatives.map((id, i) => [id, i]));
  const details = result.details;
  const out: string[] = [];

  out.push(`# ${(p.title ?? t.title).replace(/\s*\n\s*/g, ' ')}`);
  out.push(
    `${t.method}: **${METHOD_NAMES[result.method]}** · ${t.normalization}: ${result.normalization} · ${t.weighting}: ${p.weighting.method} · ${t.size(result.alternatives.length, result.criteria.length)}`,
  );

  // Ranking, with each method's own figures beside the score.
  const extraHeader =
    details.method === 'topsis' ? ['D⁺', 'D⁻'] : details.method === 'vikor' ? ['S', 'R'] : details.method === 'promethee2' ? ['φ⁺', 'φ⁻'] : [];
  const extra = (i: number): string[] =>
    details.method === 'topsis'
      ? [num(details.dPlus[i] ?? 0), num(details.dMinus[i] ?? 0)]
      : details.method === 'vikor'
        ? [num(details.S[i] ?? 0), num(details.R[i] ?? 0)]
        : details.method === 'promethee2'
          ? [num(details.phiPlus[i] ?? 0), num(details.phiMinus[i] ?? 0)]
          : [];
  const scoreLabel = details.method === 'vikor' ? `Q (${t.lowerBetter})` : details.method === 'promethee2' ? `φ` : t.score;
  out.push(`## ${t.ranking}`);
  out.push(
    table(
      [t.rank, t.alternative, scoreLabel, ...extraHeader],
      result.ranking.map((id) => {
        const i = index.get(id) ?? 0;
        return [String(result.ranks[i]), alt(id), num(result.scores[i] ?? 0), ...extra(i)];
      }),
    ),
  );
  if (details.method === 'vikor')
    out.push(
      `${t.compromise}: ${details.compromise.map(alt).join(', ')} (${t.advantage}: ${details.acceptableAdvantage ? t.yes : t.no}; ${t.stability}: ${details.acceptableStability ? t.yes : t.no}; DQ = ${num(details.dq)})`,
    );

  out.push(`## ${t.weights}`);
  out.push(
    table(
      [t.criterion, t.type, t.weight],
      result.criteria.map((id, j) => [crit(id), p.criteria[j]?.type === 'cost' ? t.cost : t.benefit, num(result.weights[j] ?? 0)]),
    ),
  );
  const consistency = result.consistency;
  if (consistency !== undefined) {
    const cr = consistency.cr === null ? t.notComputed : num(consistency.cr);
    out.push(`${t.consistency}: λmax = ${num(consistency.lambdaMax)}, CI = ${num(consistency.ci)}, CR = ${cr}`);
    if (consistency.local !== undefined)
      out.push(
        `### ${t.localConsistency}\n\n` +
          table(
            [t.criterion, 'λmax', 'CI', 'CR'],
            Object.entries(consistency.local).map(([id, c]) => [crit(id), num(c.lambdaMax), num(c.ci), c.cr === null ? t.notComputed : num(c.cr)]),
          ),
      );
  }

  out.push(`## ${t.contributions}`);
  out.push(`${t.contributionsNote[result.method]}.`);
  out.push(
    table(
      [t.alternative, ...result.criteria.map(crit)],
      result.ranking.map((id) => [alt(id), ...(result.contributions[index.get(id) ?? 0] ?? []).map((x) => num(x))]),
    ),
  );

  const group = result.group;
  if (group !== undefined) {
    out.push(`## ${t.group}`);
    out.push(`${t.participants}: ${group.participants.map(cell).join(', ')}`);
    if (group.mostDisagreement.length > 0) {
      out.push(t.disagreement);
      out.push(table([t.cell, t.spread, t.range], group.mostDisagreement.map((d) => [cell(d.label), num(d.gsd, 3), `${num(d.min, 3)} – ${num(d.max, 3)}`])));
    }
  }

  const sensitivity = result.sensitivity;
  if (sensitivity !== undefined) {
    out.push(`## ${t.sensitivity}`);
    out.push(t.sensitivityNote(alt(sensitivity.top)));
    out.push(
      table(
        [t.criterion, t.current, t.topStays, t.nearestSwap],
        sensitivity.criteria.map((c) => [
          crit(c.criterion),
          num(c.weight, 3),
          `${num(c.topStays.min, 3)} – ${num(c.topStays.max, 3)}`,
          c.nearestSwap === null ? t.none : `${alt(c.nearestSwap.alternatives[0])} ↔ ${alt(c.nearestSwap.alternatives[1])} ${t.at} ${num(c.nearestSwap.weight, 3)}`,
        ]),
      ),
    );
  }

  const smaa = result.smaa;
  if (smaa !== undefined) {
    out.push(`## ${t.smaa}`);
    out.push(t.smaaNote(smaa.samples, smaa.seed));
    out.push(
      table(
        [t.alternative, t.firstRank, t.centralWeights],
        result.ranking.map((id) => {
          const i = index.get(id) ?? 0;
          const central = smaa.centralWeights[i];
          return [alt(id), num(smaa.acceptability[i]?.[0] ?? 0, 3), central === null || central === undefined ? t.never : central.map((w) => num(w, 3)).join(', ')];
        }),
      ),
    );
  }

  if (p.evidence.length > 0) {
    out.push(`## ${t.evidence}`);
    out.push(t.evidenceNote);
    out.push(
      table(
        [t.alternative, t.criterion, t.source, t.note],
        p.evidence.map((e) => [
          e.alternative !== undefined ? alt(e.alternative) : t.whole,
          crit(e.criterion),
          cell(entityTitle(e.entity) ? `${entityTitle(e.entity) ?? ''} (${e.entity})` : e.entity),
          cell(e.note ?? ''),
        ]),
      ),
    );
  }

  if (result.warnings.length > 0) {
    out.push(`## ${t.warnings}`);
    out.push(result.warnings.map((w) => `- **${w.code}**: ${w.message}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}
