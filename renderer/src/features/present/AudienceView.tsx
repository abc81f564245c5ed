import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressOf, stepAt } from '../../../../core/present/navigate.ts';
import { routeHref } from '../../ui/route.ts';
import { StepStage } from './StepStage.tsx';
import { usePresentKeys } from './usePresentKeys.ts';
import type { LiveShow } from './useSession.ts';

/**
 * What the room sees: the map, stepped through, fullscreen. Nothing here but the map, a thin
 * progress line and, on request, a spotlight that follows the pointer or the parking lot.
 */
export function AudienceView({ show, rehearsal }: { show: LiveShow; rehearsal: boolean }) {
  const { t } = useTranslation();
  const [spotlight, setSpotlight] = useState<{ x: number; y: number } | null>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const pending = usePresentKeys(show, (action) => {
    if (action.kind === 'spotlight') setSpotlight((s) => (s ? null : { ...pointer.current }));
    if (action.kind === 'fullscreen')
      void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);
    // Escape on the main path ends a rehearsal (a session's audience window is closed instead).
    if (action.kind === 'leave' && rehearsal) window.location.hash = routeHref('maps', show.mapId);
  });
  const { presentation, position } = show;
  const step = stepAt(presentation, position);
  const progress = progressOf(presentation, position);
  const detours = !position.detour ? (presentation.steps[position.step]?.detours ?? []) : [];
  const parked = show.session?.state.parked ?? [];
  const theme = presentation.settings.theme;

  useEffect(() => {
    document.title = t('present.audience.label', { title: presentation.title });
  }, [presentation.title, t]);

  if (presentation.steps.length === 0)
    return (
      <div className="audience empty" data-theme={theme}>
        <p>{t('present.audience.empty')}</p>
      </div>
    );

  return (
    <div
      className={`audience ${spotlight ? 'spotlit' : ''}`}
      data-theme={theme}
      data-step={step?.id}
      aria-label={t('present.audience.label', { title: presentation.title })}
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
        if (spotlight) setSpotlight({ x: e.clientX, y: e.clientY });
      }}
      onClick={(e) => {
        // A click lights up where the presenter points; another click puts the light out.
        setSpotlight((s) => (s ? null : { x: e.clientX, y: e.clientY }));
      }}
    >
      <StepStage
        map={show.map}
        presentation={presentation}
        position={position}
        live={show.live}
        votes={show.votes}
        theme={theme}
        projector
        animate
        ariaLabel={step?.title || presentation.title}
      />
      {spotlight && (
        <div
          className="spotlight"
          aria-hidden
          style={{ background: `radial-gradient(circle at ${spotlight.x}px ${spotlight.y}px, transparent 0 140px, rgb(0 0 0 / 72%) 190px)` }}
        />
      )}
      {show.showParked && parked.length > 0 && (
        <aside className="parking-lot" aria-label={t('present.audience.parked')}>
          <h2>{t('present.audience.parked')}</h2>
          <ul>
            {parked.map((p) => (
              <li key={p.id}>{p.text}</li>
            ))}
          </ul>
        </aside>
      )}
      <footer className="audience-progress" aria-live="polite">
        <div className="bar" style={{ width: `${progress.fraction * 100}%` }} />
        <span className="label" data-testid="progress">
          {rehearsal && <em>{t('present.audience.rehearsal')} · </em>}
          {t('present.audience.progress', { main: progress.main, total: progress.total })}
          {progress.detour && ` · ${t('present.audience.detourProgress', progress.detour)}`}
        </span>
        {detours.length > 0 && <span className="detours-hint">{t('present.audience.detoursHint', { labels: detours.map((d, i) => `${i + 1} ${d.label}`).join(' · ') })}</span>}
      </footer>
      {pending && (
        <div className="jump-to" role="status">
          {t('present.audience.jumpTo', { digits: pending })}
        </div>
      )}
      {show.black && (
        <div className="black-screen" role="status" aria-label={t('present.audience.black')} data-testid="black-screen" />
      )}
    </div>
  );
}
