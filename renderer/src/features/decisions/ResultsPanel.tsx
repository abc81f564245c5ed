import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluate } from '../../../../core/decision/index.ts';
import type { DecisionResult, Smaa } from '../../../../core/decision/schema.ts';
import { AcceptabilityHeatmap, ContributionChart, SensitivityChart } from './charts.tsx';
import type { Problem } from './model.ts';

const STEPS = 40;

/** The problem as it scores with these final weights, taken as direct weights (for what-if sweeps). */
function withWeights(problem: Problem, weights: number[]): Problem {
  return {
    ...problem,
    weighting: { method: 'direct' },
    normalizeWeights: true,
    sensitivity: false,
    smaa: undefined,
    criteria: problem.criteria.map((c, j) => ({ ...c, weight: weights[j] ?? 0 })),
    participants: problem.participants?.some((p) => p.matrix) ? problem.participants.map((p) => ({ name: p.name, ...(p.matrix ? { matrix: p.matrix } : {}) })) : undefined,
  };
}

/** Scores as criterion j's share of the weight sweeps 0 → 1, the other weights keeping their proportions. */
function sweep(problem: Problem, weights: number[], j: number): { weight: number; scores: number[] }[] {
  const rest = 1 - (weights[j] ?? 0);
  return Array.from({ length: STEPS + 1 }, (_, k) => {
    const share = k / STEPS;
    const next = weights.map((w, i) => (i === j ? share : rest > 0 ? (w * (1 - share)) / rest : (1 - share) / (weights.length - 1)));
    try {
      return { weight: share, scores: evaluate(withWeights(problem, next)).scores };
    } catch {
      return { weight: share, scores: [] };
    }
  }).filter((s) => s.scores.length > 0);
}

export function ResultsPanel({
  problem,
  result,
  smaa,
  smaaRunning,
  onRunSmaa,
}: {
  problem: Problem;
  result: DecisionResult;
  smaa: Smaa | null;
  smaaRunning: boolean;
  onRunSmaa(): void;
}) {
  const { t } = useTranslation();
  const [criterion, setCriterion] = useState(0);
  const names = problem.alternatives.map((a) => a.name ?? a.id);
  const criteria = problem.criteria.map((c) => c.name ?? c.id);
  const index = new Map(result.alternatives.map((id, i) => [id, i]));
  const order = result.ranking.map((id) => index.get(id) ?? 0);
  const lowerIsBetter = result.method === 'vikor';
  const j = Math.min(criterion, criteria.length - 1);
  const series = useMemo(() => sweep(problem, result.weights, j), [problem, result.weights, j]);
  const details = result.details;
  const scores = result.scores;
  const max = Math.max(...scores.map(Math.abs), 1e-9);

  return (
    <section className="panel results-panel" aria-labelledby="results-title">
      <h3 id="results-title">{t('decisions.results')}</h3>
      <table className="ranking" data-testid="ranking">
        <thead>
          <tr>
            <th>{t('decisions.rank')}</th>
            <th>{t('decisions.alternative')}</th>
            <th>{lowerIsBetter ? t('decisions.scoreLower') : t('decisions.score')}</th>
          </tr>
        </thead>
        <tbody>
          {order.map((i) => (
            <tr key={i} className={result.ranks[i] === 1 ? 'top' : ''}>
              <td>{result.ranks[i]}</td>
              <td>{names[i]}</td>
              <td>
                <span className="score-bar" style={{ width: `${(Math.abs(scores[i] ?? 0) / max) * 80}px` }} /> {(scores[i] ?? 0).toFixed(3)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {details.method === 'vikor' && (
        <p className="muted small">
          {t('decisions.compromise', { names: details.compromise.map((id) => names[index.get(id) ?? 0]).join(', ') })}
        </p>
      )}
      {result.consistency && (
        <p className={`small ${result.consistency.cr !== null && result.consistency.cr > 0.1 ? 'bad' : 'muted'}`}>
          {t('decisions.cr', { cr: result.consistency.cr === null ? '—' : result.consistency.cr.toFixed(3) })}
        </p>
      )}

      <h4>{t('decisions.contributions')}</h4>
      <ContributionChart alternatives={names} criteria={criteria} contributions={result.contributions} order={order} />

      <h4>
        {t('decisions.sensitivity')}{' '}
        <select aria-label={t('decisions.sensitivityCriterion')} value={j} onChange={(e) => setCriterion(Number(e.target.value))}>
          {criteria.map((c, k) => (
            <option key={k} value={k}>
              {c}
            </option>
          ))}
        </select>
      </h4>
      {series.length > 1 && <SensitivityChart alternatives={names} series={series} current={result.weights[j] ?? 0} lowerIsBetter={lowerIsBetter} criterion={criteria[j] ?? ''} />}
      {result.sensitivity && (
        <p className="muted small">
          {(() => {
            const s = result.sensitivity.criteria[j];
            if (!s) return null;
            const top = names[index.get(result.sensitivity.top) ?? 0];
            return t('decisions.topStays', { top, min: Math.round(s.topStays.min * 100), max: Math.round(s.topStays.max * 100) });
          })()}
        </p>
      )}

      <h4>
        {t('decisions.acceptability')}{' '}
        <button type="button" className="button small" disabled={smaaRunning} onClick={onRunSmaa}>
          {smaaRunning ? t('decisions.smaaRunning') : t('decisions.runSmaa')}
        </button>
      </h4>
      {smaa ? <AcceptabilityHeatmap alternatives={names} acceptability={smaa.acceptability} /> : <p className="muted small">{t('decisions.smaaHint')}</p>}

      {result.group && result.group.mostDisagreement.length > 0 && (
        <>
          <h4>{t('decisions.disagreement')}</h4>
          <ul className="disagreement" data-testid="disagreement">
            {result.group.mostDisagreement.map((d, k) => (
              <li key={k}>
                {d.label}: {d.min.toFixed(2)}–{d.max.toFixed(2)} <span className="muted">(GSD {d.gsd.toFixed(2)})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {result.warnings.length > 0 && (
        <>
          <h4>{t('decisions.warnings')}</h4>
          <ul className="warnings">
            {result.warnings.map((w, k) => (
              <li key={k}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
