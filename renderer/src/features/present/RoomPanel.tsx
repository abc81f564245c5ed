import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dotsUsed, voteTotals } from '../../../../core/present/session.ts';
import { client } from '../../api.ts';
import { LiveAdd } from './LiveAdd.tsx';
import { useCall } from './useCall.ts';
import type { LiveShow } from './useSession.ts';

/**
 * Capturing the room: who votes with which colour, the votes so far, the parking lot, and adding
 * to the map while presenting (LiveAdd).
 */
export function RoomPanel({ show, voter, onVoter }: { show: LiveShow; voter: string | null; onVoter(id: string | null): void }) {
  const { t } = useTranslation();
  const call = useCall();
  const session = show.session;
  const [name, setName] = useState('');
  const [budget, setBudget] = useState(3);
  const [idea, setIdea] = useState('');
  if (!session) return null;
  const id = session.id;
  const state = session.state;
  const labelOf = new Map(show.map.concepts.map((c) => [c.id, c.label]));
  const totals = voteTotals(state);
  const ended = session.endedAt !== null;

  return (
    <div className="room-panel">
      <section aria-labelledby="room-participants">
        <h3 id="room-participants">{t('present.presenter.participants')}</h3>
        <ul className="participants">
          {state.participants.map((p) => (
            <li key={p.id}>
              <button type="button" className="participant" aria-pressed={voter === p.id} onClick={() => onVoter(voter === p.id ? null : p.id)}>
                <span className="swatch" style={{ background: p.colour }} aria-hidden />
                {p.name}
                <span className="muted">{t('present.presenter.dots', { used: dotsUsed(state, p.id), budget: p.budget })}</span>
              </button>
              {!ended && (
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={t('present.presenter.removeParticipant', { name: p.name })}
                  title={t('present.presenter.removeParticipant', { name: p.name })}
                  onClick={() => void call(client.call('sessions.removeParticipant', { id, participant: p.id }), () => voter === p.id && onVoter(null))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!ended && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim()) return;
              void call(client.call('sessions.addParticipant', { id, name, budget }), (r) => {
                setName('');
                onVoter(r.participant);
              });
            }}
          >
            <input className="input" aria-label={t('present.presenter.name')} placeholder={t('present.presenter.name')} value={name} onChange={(e) => setName(e.target.value)} />
            <input className="input narrow" type="number" min={1} max={50} aria-label={t('present.presenter.budget')} title={t('present.presenter.budget')} value={budget} onChange={(e) => setBudget(Number(e.target.value) || 1)} />
            <button type="submit" className="button">
              {t('present.presenter.addParticipant')}
            </button>
          </form>
        )}
        <p className="hint">
          {voter ? t('present.presenter.votingAs', { name: state.participants.find((p) => p.id === voter)?.name ?? '' }) : t('present.presenter.pickVoter')}
        </p>
      </section>

      <section aria-labelledby="room-votes">
        <h3 id="room-votes">{t('present.presenter.votes')}</h3>
        {totals.length === 0 ? (
          <p className="muted">{t('present.presenter.noVotes')}</p>
        ) : (
          <ol className="vote-totals">
            {totals.map((row) => (
              <li key={row.concept}>
                <span className="concept">{labelOf.get(row.concept) ?? row.concept}</span>
                <span className="dots" aria-label={String(row.total)}>
                  {row.by.flatMap((b) => Array.from({ length: b.count }, (_, i) => <span key={`${b.participant.id}-${i}`} className="dot" style={{ background: b.participant.colour }} title={b.participant.name} />))}
                </span>
                <span className="total">{row.total}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="room-parking">
        <h3 id="room-parking">{t('present.presenter.parking')}</h3>
        <label className="check">
          <input type="checkbox" checked={show.showParked} onChange={(e) => show.setShowParked(e.target.checked)} /> {t('present.audience.parked')} (L)
        </label>
        <ul className="parked">
          {state.parked.map((p) => (
            <li key={p.id}>
              <span>{p.text}</span>
              {!ended && (
                <button type="button" className="icon-button small" aria-label={t('present.presenter.unpark', { text: p.text })} onClick={() => void call(client.call('sessions.unpark', { id, idea: p.id }))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!ended && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (idea.trim()) void call(client.call('sessions.park', { id, text: idea }), () => setIdea(''));
            }}
          >
            <input className="input" aria-label={t('present.presenter.parkPlaceholder')} placeholder={t('present.presenter.parkPlaceholder')} value={idea} onChange={(e) => setIdea(e.target.value)} />
            <button type="submit" className="button">
              {t('present.presenter.park')}
            </button>
          </form>
        )}
      </section>

      {!ended && <LiveAdd show={show} sessionId={id} />}
    </div>
  );
}
