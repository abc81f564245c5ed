import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { analyzePairwise, rocWeights } from '../../../../core/decision/index.ts';
import { directWeights, setDirectWeights, type Problem, type Voice } from './model.ts';

type Mode = 'direct' | 'roc' | 'ahp';

/** Saaty's scale on a slider: −8 … 8 maps to 9 … 1 … 9, left meaning the first criterion matters more. */
const toJudgment = (position: number): number => (position <= 0 ? 1 - position : 1 / (1 + position));
const toPosition = (judgment: number): number => (judgment >= 1 ? -Math.round(judgment - 1) : Math.round(1 / judgment - 1));

function pairwiseOf(problem: Problem, voice: Voice): number[][] {
  const n = problem.criteria.length;
  const given = voice === null ? (problem.weighting?.method === 'ahp' ? problem.weighting.pairwise : undefined) : problem.participants?.[voice]?.pairwise;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : (given?.[i]?.[j] ?? 1))));
}

function withJudgment(matrix: number[][], i: number, j: number, value: number): number[][] {
  return matrix.map((row, r) => row.map((v, c) => (r === i && c === j ? value : r === j && c === i ? 1 / value : v)));
}

/**
 * Weights three ways: sliders (direct), a ranking (rank-order centroid) and an AHP pairwise
 * questionnaire with the consistency ratio shown live and the most inconsistent judgment pointed out.
 */
export function WeightsPanel({ problem, voice, weightsUsed, onChange }: { problem: Problem; voice: Voice; weightsUsed: number[] | null; onChange(p: Problem): void }) {
  const { t } = useTranslation();
  const method = voice === null ? (problem.weighting?.method ?? 'direct') : problem.participants?.[voice]?.pairwise ? 'ahp' : 'direct';
  const mode: Mode = method === 'roc' ? 'roc' : method === 'ahp' || method === 'ahp-hierarchy' ? 'ahp' : 'direct';
  const names = problem.criteria.map((c) => c.name ?? c.id);
  const n = names.length;

  function switchTo(next: Mode) {
    if (next === mode) return;
    if (voice !== null) {
      onChange({
        ...problem,
        participants: problem.participants?.map((p, i) => (i === voice ? (next === 'ahp' ? { ...p, pairwise: pairwiseOf(problem, voice), weights: undefined } : { ...p, pairwise: undefined, weights: directWeights(problem, voice) }) : p)),
        ...(next === 'ahp' ? { weighting: { method: 'ahp' as const } } : {}),
      });
      return;
    }
    if (next === 'direct') onChange(setDirectWeights(problem, null, (weightsUsed ?? directWeights(problem, null)).map((w) => Math.round(w * 100))));
    if (next === 'roc') {
      const order = [...(weightsUsed ?? directWeights(problem, null))].map((w, j) => ({ w, j })).sort((a, b) => b.w - a.w);
      const ranks = Array<number>(n).fill(1);
      order.forEach(({ j }, r) => (ranks[j] = r + 1));
      onChange({ ...problem, weighting: { method: 'roc', ranks } });
    }
    if (next === 'ahp') onChange({ ...problem, weighting: { method: 'ahp', pairwise: pairwiseOf(problem, null) } });
  }

  return (
    <section className="panel weights-panel" aria-labelledby="weights-title">
      <div className="panel-head">
        <h3 id="weights-title">{t('decisions.weights')}</h3>
        <div className="segmented" role="group" aria-label={t('decisions.weightingMode')}>
          {(['direct', 'roc', 'ahp'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} disabled={voice !== null && m === 'roc'} onClick={() => switchTo(m)}>
              {t(`decisions.weighting.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {mode === 'direct' && <Sliders problem={problem} voice={voice} onChange={onChange} />}
      {mode === 'roc' && <Ranking problem={problem} onChange={onChange} />}
      {mode === 'ahp' && <Questionnaire problem={problem} voice={voice} onChange={onChange} />}
    </section>
  );
}

function Sliders({ problem, voice, onChange }: { problem: Problem; voice: Voice; onChange(p: Problem): void }) {
  const { t } = useTranslation();
  const weights = directWeights(problem, voice);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return (
    <ul className="sliders">
      {problem.criteria.map((c, j) => (
        <li key={c.id}>
          <label htmlFor={`weight-${c.id}`}>{c.name ?? c.id}</label>
          <input
            id={`weight-${c.id}`}
            type="range"
            min={0}
            max={100}
            step={1}
            value={weights[j] ?? 0}
            aria-valuetext={`${Math.round(((weights[j] ?? 0) / total) * 100)}%`}
            onChange={(e) => onChange(setDirectWeights(problem, voice, weights.map((w, k) => (k === j ? Number(e.target.value) : w))))}
          />
          <span className="weight-share">{Math.round(((weights[j] ?? 0) / total) * 100)}%</span>
        </li>
      ))}
      <li className="muted small">{t('decisions.slidersHint')}</li>
    </ul>
  );
}

function Ranking({ problem, onChange }: { problem: Problem; onChange(p: Problem): void }) {
  const { t } = useTranslation();
  const ranks = problem.weighting?.method === 'roc' ? problem.weighting.ranks : problem.criteria.map((_, j) => j + 1);
  const order = problem.criteria.map((c, j) => ({ c, j, rank: ranks[j] ?? j + 1 })).sort((a, b) => a.rank - b.rank);
  const weights = rocWeights(order.map((_, i) => i + 1));
  const move = (from: number, to: number) => {
    const next = [...order];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    const newRanks = Array<number>(problem.criteria.length).fill(1);
    next.forEach(({ j }, r) => (newRanks[j] = r + 1));
    onChange({ ...problem, weighting: { method: 'roc', ranks: newRanks } });
  };
  return (
    <ol className="ranking-list">
      {order.map(({ c }, r) => (
        <li key={c.id}>
          <span className="rank">{r + 1}</span>
          <span className="name">{c.name ?? c.id}</span>
          <span className="weight-share">{Math.round((weights[r] ?? 0) * 100)}%</span>
          <button type="button" className="icon-button small" disabled={r === 0} aria-label={t('decisions.moveUp', { name: c.name ?? c.id })} onClick={() => move(r, r - 1)}>
            <ArrowUp size={13} />
          </button>
          <button type="button" className="icon-button small" disabled={r === order.length - 1} aria-label={t('decisions.moveDown', { name: c.name ?? c.id })} onClick={() => move(r, r + 1)}>
            <ArrowDown size={13} />
          </button>
        </li>
      ))}
      <li className="muted small">{t('decisions.rocHint')}</li>
    </ol>
  );
}

function Questionnaire({ problem, voice, onChange }: { problem: Problem; voice: Voice; onChange(p: Problem): void }) {
  const { t } = useTranslation();
  const matrix = pairwiseOf(problem, voice);
  const n = matrix.length;
  const analysis = n >= 2 ? analyzePairwise(matrix, 'eigenvector', 'saaty1980') : null;
  const w = analysis?.priorities ?? [];
  // The judgment furthest from what the other judgments imply (a_ij against w_i / w_j).
  let worst: { i: number; j: number; implied: number; gap: number } | null = null;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const implied = (w[i] ?? 1) / (w[j] ?? 1);
      const gap = Math.abs(Math.log((matrix[i]?.[j] ?? 1) / implied));
      if (!worst || gap > worst.gap) worst = { i, j, implied, gap };
    }
  const cr = analysis?.consistency.cr ?? null;
  const set = (i: number, j: number, position: number) => {
    const next = withJudgment(matrix, i, j, toJudgment(position));
    if (voice === null) onChange({ ...problem, weighting: { method: 'ahp', pairwise: next } });
    else onChange({ ...problem, participants: problem.participants?.map((p, k) => (k === voice ? { ...p, pairwise: next, weights: undefined } : p)) });
  };
  const name = (j: number) => problem.criteria[j]?.name ?? problem.criteria[j]?.id ?? '';
  return (
    <div className="questionnaire">
      <p className={`cr ${cr !== null && cr > 0.1 ? 'bad' : 'good'}`} role="status">
        {t('decisions.cr', { cr: cr === null ? '—' : cr.toFixed(3) })} {cr !== null && cr > 0.1 ? t('decisions.crHigh') : t('decisions.crOk')}
      </p>
      {worst && cr !== null && cr > 0.1 && (
        <p className="muted small" data-testid="worst-judgment">
          {t('decisions.worstJudgment', { a: name(worst.i), b: name(worst.j), implied: worst.implied >= 1 ? worst.implied.toFixed(1) : `1/${(1 / worst.implied).toFixed(1)}` })}
        </p>
      )}
      <ul>
        {matrix.flatMap((row, i) =>
          row.slice(i + 1).map((value, k) => {
            const j = i + 1 + k;
            const position = toPosition(value);
            const strength = Math.abs(position) + 1;
            return (
              <li key={`${i}-${j}`} className={worst && worst.i === i && worst.j === j && cr !== null && cr > 0.1 ? 'worst' : ''}>
                <span className={position < 0 ? 'strong' : ''}>{name(i)}</span>
                <input
                  type="range"
                  min={-8}
                  max={8}
                  step={1}
                  value={position}
                  aria-label={t('decisions.compare', { a: name(i), b: name(j) })}
                  aria-valuetext={position === 0 ? t('decisions.equal') : t('decisions.moreImportant', { name: position < 0 ? name(i) : name(j), strength })}
                  onChange={(e) => set(i, j, Number(e.target.value))}
                />
                <span className={position > 0 ? 'strong' : ''}>{name(j)}</span>
                <span className="judgment">{position === 0 ? '1' : `${strength}×`}</span>
              </li>
            );
          }),
        )}
      </ul>
      <p className="muted small">{t('decisions.ahpHint')}</p>
    </div>
  );
}
