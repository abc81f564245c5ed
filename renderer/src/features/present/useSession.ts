import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionView } from '../../../../core/api.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { START, type Position, type PresentationDocument } from '../../../../core/present/model.ts';
import { clampPosition, samePosition } from '../../../../core/present/navigate.ts';
import { client } from '../../api.ts';
import { useApiQuery } from '../../ui/query.ts';

export interface LiveShow {
  presentation: PresentationDocument;
  map: MapDocument;
  mapId: string;
  session: SessionView | null;
  position: Position;
  black: boolean;
  showParked: boolean;
  /** Nodes added since the session began. */
  live: ReadonlySet<string>;
  /** Dot colours per concept, one entry per dot. */
  votes: ReadonlyMap<string, readonly string[]>;
  go(position: Position): void;
  setBlack(black: boolean): void;
  setShowParked(show: boolean): void;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * A presentation being shown. With a session, where it is lives on the server, so every window
 * showing the session (audience, presenter; two tabs in the harness) follows the same state; a
 * move shows at once here and is sent on. Without one (a rehearsal) it is local to the window.
 */
export function useSession(presentationId: string, sessionId: string | null): { show: LiveShow | null; error: unknown } {
  const presentation = useApiQuery('presentations.get', { id: presentationId });
  const session = useApiQuery('sessions.get', { id: sessionId ?? '' }, { enabled: sessionId !== null });
  const mapId = presentation.data?.mapId;
  const map = useApiQuery('maps.get', { id: mapId ?? '' }, { enabled: mapId !== undefined });
  const [local, setLocal] = useState<{ position?: Position; black?: boolean; showParked?: boolean }>({});
  const pending = useRef(0);

  // Once every change sent from here has been answered, the server's state is the truth again.
  const revision = session.data?.revision;
  useEffect(() => {
    if (pending.current === 0) setLocal({});
  }, [revision]);

  const send = useCallback(
    (change: { position?: Position; black?: boolean; showParked?: boolean }) => {
      setLocal((current) => ({ ...current, ...change }));
      if (!sessionId) return;
      pending.current++;
      void client
        .call('sessions.show', { id: sessionId, ...change })
        .catch(() => setLocal({}))
        .finally(() => pending.current--);
    },
    [sessionId],
  );

  const doc = presentation.data?.document;
  const server = session.data?.state;
  const position = doc ? clampPosition(doc, local.position ?? server?.position ?? START) : START;
  const baseline = session.data?.baselineIds;
  const mapDoc = map.data?.document;
  const live = useMemo(() => {
    if (!baseline || !mapDoc) return NOTHING;
    const before = new Set(baseline);
    return new Set([...mapDoc.concepts.map((c) => c.id), ...mapDoc.phrases.map((p) => p.id)].filter((id) => !before.has(id)));
  }, [baseline, mapDoc]);
  const votes = useMemo(() => {
    const out = new Map<string, string[]>();
    if (!server) return out;
    const colour = new Map(server.participants.map((p) => [p.id, p.colour]));
    for (const [concept, by] of Object.entries(server.votes))
      out.set(concept, Object.entries(by).flatMap(([participant, count]) => Array<string>(count).fill(colour.get(participant) ?? '#999999')));
    return out;
  }, [server]);

  const error = presentation.error ?? session.error ?? map.error;
  if (!doc || !mapDoc || !mapId || (sessionId && !session.data)) return { show: null, error };
  return {
    error,
    show: {
      presentation: doc,
      map: mapDoc,
      mapId,
      session: session.data ?? null,
      position,
      black: local.black ?? server?.black ?? false,
      showParked: local.showParked ?? server?.showParked ?? false,
      live,
      votes,
      go: (next) => {
        if (!samePosition(next, position)) send({ position: next });
      },
      setBlack: (black) => send({ black }),
      setShowParked: (showParked) => send({ showParked }),
    },
  };
}
