import { addParticipant, castVote, parkIdea, removeParticipant, unparkIdea } from '../../../core/present/session.ts';
import type { ServerContext } from '../context.ts';
import {
  addConceptLive,
  addPropositionLive,
  createPresentation,
  savePresentationChecked,
  sessionReport,
  sessionView,
  showSession,
  startSession,
} from '../present/service.ts';
import type { Handlers } from '../router.ts';
import { deletePresentation, endSession, getPresentation, getSession, listPresentations, listSessions, updateSession } from '../store/presentations.ts';
import type { SessionState } from '../../../core/present/session.ts';
import { changing } from './changing.ts';

type PresentationMethod = Extract<keyof Handlers, `presentations.${string}` | `sessions.${string}`>;

/** A change to a session's state, announced so the audience and presenter views follow it. */
function changeSession(ctx: ServerContext, id: string, change: (state: SessionState) => SessionState): { revision: number } {
  return changing(ctx, 'sessions', () => ({ revision: updateSession(ctx.workspace.db, id, change).revision }));
}

export const presentationHandlers: Pick<Handlers, PresentationMethod> = {
  'presentations.list': ({ mapId }, { workspace }) => listPresentations(workspace.db, mapId),
  'presentations.get': ({ id }, { workspace }) => getPresentation(workspace.db, id),
  'presentations.create': (input, ctx) => changing(ctx, 'presentations', () => createPresentation(ctx.workspace.db, input)),
  'presentations.save': ({ id, revision, document }, ctx) =>
    changing(ctx, 'presentations', () => savePresentationChecked(ctx.workspace.db, id, revision, document)),
  'presentations.delete': ({ id }, ctx) =>
    changing(ctx, ['presentations', 'sessions'], () => {
      deletePresentation(ctx.workspace.db, id);
      return {};
    }),
  'sessions.list': ({ presentationId }, { workspace }) => listSessions(workspace.db, presentationId),
  'sessions.start': ({ presentationId }, ctx) => changing(ctx, ['sessions', 'presentations'], () => ({ id: startSession(ctx.workspace.db, presentationId) })),
  'sessions.get': ({ id }, { workspace }) => sessionView(workspace.db, id),
  'sessions.show': ({ id, ...change }, ctx) => changing(ctx, 'sessions', () => ({ revision: showSession(ctx.workspace.db, id, change).revision })),
  'sessions.addParticipant': ({ id, name, budget }, ctx) => {
    let participant = '';
    const { revision } = changeSession(ctx, id, (state) => {
      const added = addParticipant(state, name, budget);
      participant = added.participant.id;
      return added.state;
    });
    return { revision, participant };
  },
  'sessions.removeParticipant': ({ id, participant }, ctx) => changeSession(ctx, id, (state) => removeParticipant(state, participant)),
  'sessions.vote': ({ id, participant, concept, delta }, ctx) => changeSession(ctx, id, (state) => castVote(state, participant, concept, delta)),
  'sessions.park': ({ id, text }, ctx) => changeSession(ctx, id, (state) => parkIdea(state, text, new Date().toISOString())),
  'sessions.unpark': ({ id, idea }, ctx) => changeSession(ctx, id, (state) => unparkIdea(state, idea)),
  'sessions.addConcept': ({ id, ...input }, ctx) => changing(ctx, ['maps', 'sessions'], () => addConceptLive(ctx.workspace.db, id, input)),
  'sessions.addProposition': ({ id, ...input }, ctx) => changing(ctx, ['maps', 'sessions'], () => addPropositionLive(ctx.workspace.db, id, input)),
  'sessions.end': ({ id }, ctx) =>
    changing(ctx, ['sessions', 'presentations'], () => {
      getSession(ctx.workspace.db, id);
      endSession(ctx.workspace.db, id);
      return {};
    }),
  'sessions.report': ({ jobId, ...input }, ctx) =>
    jobId ? ctx.jobs.run(jobId, 'Workshop report', false, (job) => sessionReport(ctx.workspace.db, input, job)) : sessionReport(ctx.workspace.db, input),
};
