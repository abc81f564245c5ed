import { scaleBand, scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';

/**
 * The decision charts, drawn as SVG by React with D3's scales and shape generators: stacked
 * contribution bars, the one-way sensitivity chart and the rank-acceptability heat map.
 * Colours are Okabe–Ito, safe for colour-blind viewers.
 */
export const SERIES = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
const colour = (i: number) => SERIES[i % SERIES.length] ?? '#888';

export function ContributionChart({
  alternatives,
  criteria,
  contributions,
  order,
}: {
  alternatives: string[];
  criteria: string[];
  contributions: number[][];
  order: number[];
}) {
  const { t } = useTranslation();
  const rowHeight = 26;
  const width = 560;
  const labelWidth = 190;
  const height = order.length * rowHeight + 40;
  const sums = order.map((i) => {
    const row = contributions[i] ?? [];
    return { pos: row.filter((v) => v > 0).reduce((a, b) => a + b, 0), neg: row.filter((v) => v < 0).reduce((a, b) => a + b, 0) };
  });
  const x = scaleLinear()
    .domain([Math.min(0, ...sums.map((s) => s.neg)), Math.max(0, ...sums.map((s) => s.pos))])
    .nice()
    .range([labelWidth, width - 10]);
  const y = scaleBand<number>().domain(order).range([10, height - 30]).padding(0.2);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('decisions.contributionsChart')}>
        {x.ticks(5).map((tick) => (
          <g key={tick} transform={`translate(${x(tick)},0)`}>
            <line y1={10} y2={height - 30} className="grid" />
            <text y={height - 14} textAnchor="middle" className="tick">
              {tick}
            </text>
          </g>
        ))}
        {order.map((i) => {
          let pos = 0;
          let neg = 0;
          return (
            <g key={i}>
              <text x={labelWidth - 8} y={(y(i) ?? 0) + y.bandwidth() / 2} textAnchor="end" dominantBaseline="central" className="label">
                {truncate(alternatives[i] ?? '', 18)}
              </text>
              {(contributions[i] ?? []).map((v, j) => {
                const start = v >= 0 ? pos : neg + v;
                if (v >= 0) pos += v;
                else neg += v;
                return (
                  <rect key={j} x={x(start)} y={y(i)} width={Math.abs(x(start + Math.abs(v)) - x(start))} height={y.bandwidth()} fill={colour(j)}>
                    <title>{`${alternatives[i]} · ${criteria[j]}: ${v.toFixed(3)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <line x1={x(0)} x2={x(0)} y1={10} y2={height - 30} className="axis" />
      </svg>
      <Legend names={criteria} />
    </figure>
  );
}

export function Legend({ names }: { names: string[] }) {
  return (
    <figcaption className="legend">
      {names.map((name, j) => (
        <span key={j}>
          <i style={{ background: colour(j) }} /> {name}
        </span>
      ))}
    </figcaption>
  );
}

/** Scores of every alternative as one criterion's share of the weight goes from 0 to 1. */
export function SensitivityChart({
  alternatives,
  series,
  current,
  lowerIsBetter,
  criterion,
}: {
  alternatives: string[];
  /** series[k] = scores of all alternatives at weight share xs[k]. */
  series: { weight: number; scores: number[] }[];
  current: number;
  lowerIsBetter: boolean;
  criterion: string;
}) {
  const { t } = useTranslation();
  const width = 560;
  const height = 260;
  const all = series.flatMap((s) => s.scores);
  const x = scaleLinear().domain([0, 1]).range([40, width - 24]);
  const y = scaleLinear()
    .domain([Math.min(...all), Math.max(...all)])
    .nice()
    .range([height - 30, 10]);
  // Where the best alternative changes as the weight moves: the crossings that matter.
  const best = (scores: number[]) => scores.indexOf(lowerIsBetter ? Math.min(...scores) : Math.max(...scores));
  const crossings = series.slice(1).flatMap((s, k) => {
    const before = series[k];
    return before && best(before.scores) !== best(s.scores) ? [{ weight: (before.weight + s.weight) / 2, from: best(before.scores), to: best(s.scores) }] : [];
  });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('decisions.sensitivityChart', { criterion })}>
        {y.ticks(5).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x1={40} x2={width - 10} className="grid" />
            <text x={34} textAnchor="end" dominantBaseline="central" className="tick">
              {tick.toFixed(2)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((tick) => (
          <text key={tick} x={x(tick)} y={height - 12} textAnchor="middle" className="tick">
            {Math.round(tick * 100)}%
          </text>
        ))}
        {alternatives.map((name, i) => (
          <path
            key={i}
            d={line<{ weight: number; scores: number[] }>()
              .x((s) => x(s.weight))
              .y((s) => y(s.scores[i] ?? 0))(series) ?? ''}
            fill="none"
            stroke={colour(i)}
            strokeWidth={2}
          >
            <title>{name}</title>
          </path>
        ))}
        <line x1={x(current)} x2={x(current)} y1={10} y2={height - 30} className="current" />
        {crossings.map((c, k) => (
          <g key={k} className="crossing" transform={`translate(${x(c.weight)},${y(series.find((s) => s.weight >= c.weight)?.scores[c.to] ?? 0)})`}>
            <circle r={5} />
            <title>{t('decisions.crossing', { weight: Math.round(c.weight * 100), from: alternatives[c.from], to: alternatives[c.to] })}</title>
          </g>
        ))}
      </svg>
      <Legend names={alternatives} />
    </figure>
  );
}

export function AcceptabilityHeatmap({ alternatives, acceptability }: { alternatives: string[]; acceptability: number[][] }) {
  const { t } = useTranslation();
  const ranks = acceptability[0]?.length ?? 0;
  const cell = 44;
  const labelWidth = 190;
  const width = labelWidth + ranks * cell + 10;
  const height = alternatives.length * 28 + 40;
  const colourOf = scaleSequential(interpolateBlues).domain([0, 1]);
  const y = scaleBand<number>().domain(alternatives.map((_, i) => i)).range([24, height - 10]).padding(0.08);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('decisions.acceptability')}>
        {Array.from({ length: ranks }, (_, r) => (
          <text key={r} x={labelWidth + r * cell + cell / 2} y={14} textAnchor="middle" className="tick">
            {t('decisions.rankN', { n: r + 1 })}
          </text>
        ))}
        {alternatives.map((name, i) => (
          <g key={i}>
            <text x={labelWidth - 8} y={(y(i) ?? 0) + y.bandwidth() / 2} textAnchor="end" dominantBaseline="central" className="label">
              {truncate(name, 18)}
            </text>
            {(acceptability[i] ?? []).map((share, r) => (
              <g key={r}>
                <rect x={labelWidth + r * cell + 1} y={y(i)} width={cell - 2} height={y.bandwidth()} fill={colourOf(share)}>
                  <title>{`${name}: ${t('decisions.rankN', { n: r + 1 })} ${Math.round(share * 100)}%`}</title>
                </rect>
                {share >= 0.01 && (
                  <text x={labelWidth + r * cell + cell / 2} y={(y(i) ?? 0) + y.bandwidth() / 2} textAnchor="middle" dominantBaseline="central" className={share > 0.5 ? 'on-dark' : 'on-light'}>
                    {Math.round(share * 100)}
                  </text>
                )}
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
