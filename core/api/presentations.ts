import { z } from 'zod';
import { NodeId } from '../graph/model.ts';
import { Position, PresentationDocument } from '../present/model.ts';
import { SessionState } from '../present/session.ts';
import { method } from './define.ts';
import { MapId, PrunedSteps } from './maps.ts';

export const PresentationId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/, 'must be lowercase letters, digits and dashes');
export const SessionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,140}$/, 'must be lowercase letters, digits and dashes');
const Lang = z.enum(['zh', 'en']);


const FileOut = z.object({ content: z.string(), encoding: z.enum(['utf8', 'base64']), fileName: z.string(), mime: z.string() });

const SessionView = z.object({
  id: SessionId,
  presentationId: PresentationId,
  mapId: MapId,
  revision: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  state: SessionState,
  /** Concepts and phrases on the map when the session began; anything else was added live. */
  baselineIds: z.array(z.string()),
});
export type SessionView = z.infer<typeof SessionView>;

const sessionChange = <T extends z.ZodRawShape>(shape: T, summary: string) =>
  method({ summary, input: z.object({ id: SessionId, ...shape }).strict(), output: z.object({ revision: z.number().int() }), writes: true });

export const presentationMethods = {
  'presentations.list': method({
    summary: 'Presentations, of one map or of all, newest first.',
    input: z.object({ mapId: MapId.optional() }).strict(),
    output: z.array(
      z.object({ id: PresentationId, mapId: MapId, title: z.string(), steps: z.number().int(), detours: z.number().int(), sessions: z.number().int(), updatedAt: z.string() }),
    ),
    writes: false,
  }),
  'presentations.get': method({
    summary: 'One presentation with its revision.',
    input: z.object({ id: PresentationId }).strict(),
    output: z.object({ id: PresentationId, mapId: MapId, revision: z.number().int(), updatedAt: z.string(), document: PresentationDocument }),
    writes: false,
  }),
  'presentations.create': method({
    summary: 'A new presentation of a map: empty, or revealing the map concept by concept in layered order.',
    input: z.object({ mapId: MapId, title: z.string().trim().min(1).max(300), from: z.enum(['empty', 'reveal']).default('empty') }).strict(),
    output: z.object({ id: PresentationId, revision: z.number().int() }),
    writes: true,
  }),
  'presentations.save': method({
    summary: 'Save a presentation; `revision` is the one the editor started from (a newer one is a conflict).',
    input: z.object({ id: PresentationId, revision: z.number().int().min(1), document: PresentationDocument }).strict(),
    output: z.object({ revision: z.number().int(), pruned: PrunedSteps }),
    writes: true,
  }),
  'presentations.delete': method({
    summary: 'Delete a presentation and its sessions.',
    input: z.object({ id: PresentationId }).strict(),
    output: z.object({}),
    writes: true,
  }),
  'sessions.list': method({
    summary: 'The sessions of a presentation, newest first.',
    input: z.object({ presentationId: PresentationId }).strict(),
    output: z.array(
      z.object({
        id: SessionId,
        presentationId: PresentationId,
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        participants: z.number().int(),
        votes: z.number().int(),
        parked: z.number().int(),
      }),
    ),
    writes: false,
  }),
  'sessions.start': method({
    summary: 'Begin presenting: snapshots the map for the workshop report and starts at the first step.',
    input: z.object({ presentationId: PresentationId }).strict(),
    output: z.object({ id: SessionId }),
    writes: true,
  }),
  'sessions.get': method({
    summary: 'A session: where it is, participants, votes, parked ideas.',
    input: z.object({ id: SessionId }).strict(),
    output: SessionView,
    writes: false,
  }),
  'sessions.show': sessionChange(
    { position: Position.optional(), black: z.boolean().optional(), showParked: z.boolean().optional() },
    'Move to a step (or detour step), black the screen, show the parking lot; every open view follows.',
  ),
  'sessions.addParticipant': method({
    summary: 'A participant who votes with their own colour and a budget of dots.',
    input: z.object({ id: SessionId, name: z.string().trim().min(1).max(80), budget: z.number().int().min(1).max(50).default(3) }).strict(),
    output: z.object({ revision: z.number().int(), participant: z.string() }),
    writes: true,
  }),
  'sessions.removeParticipant': sessionChange({ participant: z.string().min(1).max(40) }, 'Remove a participant and their votes.'),
  'sessions.vote': sessionChange(
    { participant: z.string().min(1).max(40), concept: NodeId, delta: z.union([z.literal(1), z.literal(-1)]).default(1) },
    'Place (1) or take back (-1) one of a participant’s dots on a concept.',
  ),
  'sessions.park': sessionChange({ text: z.string().trim().min(1).max(2000) }, 'Put an idea on the parking lot.'),
  'sessions.unpark': sessionChange({ idea: z.string().min(1).max(40) }, 'Take an idea off the parking lot.'),
  'sessions.addConcept': method({
    summary: 'Add a concept to the map live, beside `near` (linked by `phrase` when given) or at `at`; nothing else moves.',
    input: z
      .object({
        id: SessionId,
        label: z.string().trim().min(1).max(2000),
        near: NodeId.nullable().default(null),
        phrase: z.string().max(2000).optional(),
        at: z.object({ x: z.number().finite(), y: z.number().finite() }).strict().nullable().default(null),
      })
      .strict(),
    output: z.object({ concept: NodeId, phrase: NodeId.nullable(), mapRevision: z.number().int() }),
    writes: true,
  }),
  'sessions.addProposition': method({
    summary: 'Link two concepts on the map live with a new proposition.',
    input: z.object({ id: SessionId, from: NodeId, phrase: z.string().max(2000), to: NodeId }).strict(),
    output: z.object({ phrase: NodeId, mapRevision: z.number().int() }),
    writes: true,
  }),
  'sessions.end': method({
    summary: 'End a session; its report stays available.',
    input: z.object({ id: SessionId }).strict(),
    output: z.object({}),
    writes: true,
  }),
  'sessions.report': method({
    summary: 'The workshop report: map changes since the session began, votes, parked ideas, each step as text; Markdown, JSON (what the report screen shows) or a PDF handout with a picture per step.',
    input: z
      .object({
        id: SessionId,
        format: z.enum(['markdown', 'pdf', 'json']),
        lang: Lang.default('en'),
        /** The reader's IANA time zone, for when the session was held (default UTC). */
        timeZone: z.string().max(64).default('UTC'),
        jobId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: FileOut,
    writes: false,
  }),
};
