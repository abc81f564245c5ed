import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, Plus, X } from 'lucide-react';
import { AppError, formatPath } from '../../../../core/api.ts';
import { printDecisionCsv } from '../../../../core/decision/csv.ts';
import { evaluate, toMarkdown } from '../../../../core/decision/index.ts';
import { METHODS, NORMALIZATIONS, type DecisionResult, type Smaa } from '../../../../core/decision/schema.ts';
import { pick } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { downloadText } from '../../ui/download.ts';
import { errorMessage, problemsOf } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { Menu } from '../../ui/Menu.tsx';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { MatrixGrid, type CellRef } from './MatrixGrid.tsx';
import { directWeights, type Problem, type Voice } from './model.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { useDecision } from './useDecision.ts';
import { WeightsPanel } from './WeightsPanel.tsx';
import { UndoRedo } from '../../ui/UndoRedo.tsx';

/** Problems this size get the weight-sensitivity analysis on every change (it re-evaluates per criterion). */
const LIVE_SENSITIVITY_CELLS = 2000;

type Evaluation = { result: DecisionResult; error: null } | { result: null; error: { message: string; where: string[] } };

function evaluateLive(problem: Problem): Evaluation {
  try {
    const cells = problem.alternatives.length * problem.criteria.length;
    return { result: evaluate({ ...problem, sensitivity: cells <= LIVE_SENSITIVITY_CELLS, smaa: undefined }), error: null };
  } catch (error) {
    const where = problemsOf(error).map((p) => `${formatPath(p.path)}: ${p.message}`);
    return { result: null, error: { message: error instanceof AppError && where.length ? '' : errorMessage(error), where } };
  }
}

let smaaWorker: Worker | null = null;
let smaaRun = 0;

/** Runs SMAA (10,000 weight samples) in a worker so the page stays responsive. */
function runSmaa(problem: Problem): Promise<Smaa> {
  smaaWorker ??= new Worker(new URL('./smaa.worker.ts', import.meta.url), { type: 'module' });
  const worker = smaaWorker;
  const id = ++smaaRun;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ id: number; smaa?: Smaa; error?: string }>) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (event.data.smaa) resolve(event.data.smaa);
      else reject(new Error(event.data.error ?? 'SMAA failed'));
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, problem: { ...problem, sensitivity: false, smaa: { samples: 10_000, seed: 1 } } });
  });
}

export function DecisionEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const onSaveError = useCallback((message: string) => toast({ tone: 'error', message }), [toast]);
  const doc = useDecision(id, onSaveError);
  const [active, setActive] = useState<CellRef | null>(null);
  const [voice, setVoice] = useState<Voice>(null);
  const [smaa, setSmaa] = useState<Smaa | null>(null);
  const [smaaRunning, setSmaaRunning] = useState(false);
  const problem = doc.history?.present;
  const evaluation = useMemo(() => (problem ? evaluateLive(problem) : null), [problem]);
  const smaaFor = useRef<Problem | null>(null);
  useEffect(() => {
    // A SMAA result belongs to the problem it was run on.
    if (problem !== smaaFor.current) setSmaa(null);
  }, [problem]);

  if (doc.error) return <ErrorView error={doc.error} />;
  if (!problem || !evaluation) return <Loading />;
  const current = problem;
  const change = doc.change;

  async function exportAs(format: 'json' | 'csv' | 'md') {
    const name = (current.title ?? id).replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || 'decision';
    if (format === 'json') return downloadText(`${name}.json`, `${JSON.stringify(current, null, 2)}\n`, 'application/json');
    if (format === 'csv') return downloadText(`${name}.csv`, printDecisionCsv(current), 'text/csv;charset=utf-8');
    if (!evaluation?.result) return toast({ tone: 'error', message: t('decisions.cannotReport') });
    const titles = new Map<string, string>();
    await Promise.all(
      [...new Set((current.evidence ?? []).map((e) => e.entity))].map(async (entity) => {
        try {
          titles.set(entity, pick((await client.call('kb.get', { id: entity })).entity.title, lang));
        } catch {
          // A cited entry that was deleted shows by its id.
        }
      }),
    );
    const report = toMarkdown({ ...current, sensitivity: true }, evaluate({ ...current, sensitivity: true }), lang, (e) => titles.get(e));
    downloadText(`${name}.md`, report, 'text/markdown;charset=utf-8');
  }

  const participants = current.participants ?? [];
  return (
    <div className="decision-editor">
      <header className="decision-head">
        <input className="input title-input" aria-label={t('decisions.titleField')} value={current.title ?? ''} placeholder={t('decisions.untitled')} onChange={(e) => change({ ...current, title: e.target.value })} />
        <label>
          <span>{t('decisions.method')}</span>
          <select value={current.method} onChange={(e) => change({ ...current, method: e.target.value as Problem['method'], normalization: undefined })}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`decisions.methods.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('decisions.normalization')}</span>
          <select value={current.normalization ?? ''} onChange={(e) => change({ ...current, normalization: (e.target.value || undefined) as Problem['normalization'] })}>
            <option value="">{t('decisions.defaultNormalization', { name: evaluation.result?.normalization ?? '—' })}</option>
            {NORMALIZATIONS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="muted small" aria-live="polite">
          {doc.saving ? t('maps.saving') : t('maps.saved')}
        </span>
        <UndoRedo doc={doc} />
        <Menu
          label={
            <>
              <Download size={15} /> {t('decisions.export')}
            </>
          }
          items={[
            { key: 'md', label: t('decisions.exportReport'), run: () => void exportAs('md') },
            { key: 'json', label: t('decisions.exportJson'), run: () => void exportAs('json') },
            { key: 'csv', label: t('decisions.exportCsv'), run: () => void exportAs('csv') },
          ]}
        />
      </header>

      <div className="voices" role="group" aria-label={t('decisions.enteringAs')}>
        <span className="muted small">{t('decisions.enteringAs')}</span>
        <button type="button" className="chip" aria-pressed={voice === null} onClick={() => setVoice(null)}>
          {t('decisions.shared')}
        </button>
        {participants.map((p, i) => (
          <span key={i} className="chip-group">
            <button type="button" className="chip" aria-pressed={voice === i} onClick={() => setVoice(i)}>
              {p.name}
            </button>
            <button
              type="button"
              className="icon-button small"
              aria-label={t('decisions.removeParticipant', { name: p.name })}
              onClick={() => {
                setVoice(null);
                const rest = participants.filter((_, k) => k !== i);
                change({ ...current, participants: rest.length ? rest : undefined });
              }}
            >
              <X size={11} />
            </button>
          </span>
        ))}
        <button
          type="button"
          className="button ghost small"
          onClick={() => {
            const name = window.prompt(t('decisions.participantName'), t('decisions.participantN', { n: participants.length + 1 }));
            if (!name?.trim()) return;
            change({ ...current, participants: [...participants, { name: name.trim(), weights: directWeights(current, null).map((w) => Math.max(w, 1)) }] });
            setVoice(participants.length);
          }}
        >
          <Plus size={13} /> {t('decisions.addParticipant')}
        </button>
      </div>

      <div className="decision-body">
        <div className="decision-main">
          <MatrixGrid
            problem={current}
            voice={voice}
            active={active}
            onActive={setActive}
            onChange={change}
            highlight={disagreementCells(evaluation.result)}
          />
          {evaluation.error && (
            <div className="notice error" role="alert">
              <strong>{t('decisions.cannotEvaluate')}</strong> {evaluation.error.message}
              <ul className="problems">
                {evaluation.error.where.slice(0, 8).map((w, k) => (
                  <li key={k}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <EvidencePanel problem={current} cell={active} onChange={change} />
          {evaluation.result && (
            <ResultsPanel
              problem={current}
              result={evaluation.result}
              smaa={smaa}
              smaaRunning={smaaRunning}
              onRunSmaa={() => {
                setSmaaRunning(true);
                smaaFor.current = current;
                runSmaa(current)
                  .then((s) => smaaFor.current === current && setSmaa(s))
                  .catch((e: unknown) => toast({ tone: 'error', message: errorMessage(e) }))
                  .finally(() => setSmaaRunning(false));
              }}
            />
          )}
        </div>
        <aside className="decision-side">
          <WeightsPanel problem={current} voice={voice} weightsUsed={evaluation.result?.weights ?? null} onChange={change} />
        </aside>
      </div>
    </div>
  );
}

/** Matrix cells where participants disagree, tinted by their geometric standard deviation. */
function disagreementCells(result: DecisionResult | null): Map<string, number> | undefined {
  const cells = result?.group?.matrix;
  if (!cells) return undefined;
  const map = new Map<string, number>();
  cells.forEach((row, i) =>
    row.forEach((spread, j) => {
      if (spread && spread.count > 1 && spread.gsd > 1.05) map.set(`${i},${j}`, Math.min(1, (spread.gsd - 1) / 1.5));
    }),
  );
  return map;
}
