import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allPositions, enterDetour, leaveDetour, next, previous, progressOf, samePosition, stepAt } from '../../../../core/present/navigate.ts';
import { client } from '../../api.ts';
import { routeHref } from '../../ui/route.ts';
import { RoomPanel } from './RoomPanel.tsx';
import { StepStage } from './StepStage.tsx';
import { audienceHref, openAudienceWindow } from './launch.ts';
import { useCall } from './useCall.ts';
import { usePresentKeys } from './usePresentKeys.ts';
import type { LiveShow } from './useSession.ts';

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** Re-renders every second while mounted: the presenter's clocks. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The presenter's screen: the step the room sees and the next one, the notes, clocks, every step
 * to jump to, and the room's input. Moves here move the audience window too (and the other way).
 */
export function PresenterView({ show, presentationId }: { show: LiveShow; presentationId: string }) {
  const { t } = useTranslation();
  const call = useCall();
  const now = useNow();
  const [voter, setVoter] = useState<string | null>(null);
  const [stepClock, setStepClock] = useState(() => ({ key: '', since: Date.now() }));
  const pending = usePresentKeys(show);
  const { presentation, position, session } = show;
  const step = stepAt(presentation, position);
  const upcoming = next(presentation, position);
  const isLast = samePosition(upcoming, position);
  const progress = progressOf(presentation, position);
  // The step clock restarts whenever the position changes (React's derived-state pattern).
  const key = JSON.stringify(position);
  if (stepClock.key !== key) setStepClock({ key, since: now });
  const stepSince = stepClock.since;
  const theme = presentation.settings.theme;
  const ended = session?.endedAt != null;

  useEffect(() => {
    document.title = `${t('present.presenter.title')} — ${presentation.title}`;
  }, [presentation.title, t]);

  function vote(concept: string, event: React.MouseEvent) {
    if (!session || !voter || ended) return;
    if (show.live.has(concept) || !step?.reveal || step.reveal.includes(concept))
      void call(client.call('sessions.vote', { id: session.id, participant: voter, concept, delta: event.shiftKey ? -1 : 1 }));
  }

  async function end() {
    if (!session || !window.confirm(t('present.presenter.confirmEnd'))) return;
    if (await call(client.call('sessions.end', { id: session.id }))) window.location.hash = `#/present/${presentationId}?session=${session.id}&view=report`;
  }

  return (
    <div className="presenter" data-step={step?.id}>
      <header className="presenter-bar">
        <a className="button ghost" href={routeHref('maps', show.mapId)}>
          ←
        </a>
        <h1>{presentation.title}</h1>
        <span className="progress-text" data-testid="presenter-progress">
          {t('present.audience.progress', { main: progress.main, total: progress.total })}
          {progress.detour && ` · ${t('present.audience.detourProgress', progress.detour)}`}
        </span>
        {pending && <span className="jump-pending">{t('present.audience.jumpTo', { digits: pending })}</span>}
        <span className="spacer" />
        <span className="clock" title={t('present.presenter.elapsed')}>
          {t('present.presenter.elapsed')} <strong>{clock(now - Date.parse(session?.startedAt ?? new Date(now).toISOString()))}</strong>
        </span>
        <span className="clock" title={t('present.presenter.onStep')}>
          {t('present.presenter.onStep')} <strong>{clock(now - stepSince)}</strong>
        </span>
        {session && (
          <button type="button" className="button" onClick={() => openAudienceWindow(audienceHref(presentationId, session.id, null))}>
            {t('present.presenter.openAudience')}
          </button>
        )}
        <button type="button" className="button" aria-pressed={show.black} onClick={() => show.setBlack(!show.black)}>
          {show.black ? t('present.presenter.unblack') : t('present.presenter.black')}
        </button>
        {session && !ended && (
          <button type="button" className="button danger" onClick={() => void end()}>
            {t('present.presenter.endSession')}
          </button>
        )}
      </header>

      <div className="presenter-body">
        <section className="presenter-now" aria-label={t('present.presenter.now')}>
          <h2>
            {t('present.presenter.now')}: <span data-testid="presenter-step-title">{step?.title}</span>
          </h2>
          <StepStage map={show.map} presentation={presentation} position={position} live={show.live} votes={show.votes} theme={theme} animate ariaLabel={t('present.presenter.now')} onConceptClick={vote} />
          <div className="presenter-controls">
            <button type="button" className="button" onClick={() => show.go(previous(presentation, position))}>
              ← {t('present.presenter.previous')}
            </button>
            <button type="button" className="button primary" onClick={() => show.go(upcoming)} disabled={isLast}>
              {t('present.presenter.nextStep')} →
            </button>
            {position.detour ? (
              <button type="button" className="button" onClick={() => show.go(leaveDetour(position))}>
                ↩ {t('present.presenter.leaveDetour')}
              </button>
            ) : (
              presentation.steps[position.step]?.detours.map((d, i) => (
                <button key={d.id} type="button" className="button detour" onClick={() => show.go(enterDetour(presentation, position, i + 1))}>
                  ↳ {t('present.presenter.takeDetour', { label: d.label })}
                </button>
              ))
            )}
          </div>
          <div className="presenter-notes" aria-label={t('present.notes')}>
            <h2>{t('present.notes')}</h2>
            {step?.notes.trim() ? <p className="notes">{step.notes}</p> : <p className="muted">{t('present.presenter.noNotes')}</p>}
          </div>
        </section>

        <section className="presenter-side">
          <div className="presenter-next" aria-label={t('present.presenter.next')}>
            <h2>
              {t('present.presenter.next')}: {isLast ? '' : stepAt(presentation, upcoming)?.title}
            </h2>
            {isLast ? <p className="muted last-step">{t('present.presenter.lastStep')}</p> : <StepStage map={show.map} presentation={presentation} position={upcoming} live={show.live} votes={show.votes} theme={theme} ariaLabel={t('present.presenter.next')} />}
          </div>
          <h2>{t('present.steps')}</h2>
          <ol className="step-jump">
            {allPositions(presentation).map((pos) => {
              const s = stepAt(presentation, pos);
              const detour = pos.detour && presentation.steps[pos.step]?.detours.find((d) => d.id === pos.detour?.id);
              return (
                <li key={JSON.stringify(pos)} className={pos.detour ? 'in-detour' : ''}>
                  <button type="button" aria-current={samePosition(pos, position) ? 'step' : undefined} onClick={() => show.go(pos)}>
                    <span className="number">{pos.detour ? '↳' : pos.step + 1}</span>
                    <span>
                      {detour ? `${detour.label} · ` : ''}
                      {s?.title || t('present.untitledStep', { n: pos.step + 1 })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <p className="hint keys">{t('present.presenter.keys')}</p>
        </section>

        <aside className="presenter-room" aria-label={t('present.presenter.room')}>
          <h2>{t('present.presenter.room')}</h2>
          <RoomPanel show={show} voter={voter} onVoter={setVoter} />
        </aside>
      </div>
    </div>
  );
}
