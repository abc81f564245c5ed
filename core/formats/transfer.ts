import { z } from 'zod';
import { AppError, type Problem } from '../api/result.ts';
import { MapDocument } from '../graph/model.ts';
import { MAX_EDGES, MAX_NODES } from '../graph/roundtrip.ts';
import { PresentationDocument } from '../present/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleDocument, parseBundle, type Bundle, type ParsedBundle } from './bundle.ts';
import { readJsonFile } from './json-file.ts';
import { LIMITS, checkCount } from './limits.ts';
import { jsonLines } from './json-lines.ts';
import { Problems, fail, zodProblems } from './problems.ts';

/**
 * A transfer bundle: what one workspace hands another. Selected knowledge-base entries (as an
 * embedded knowledge-base bundle), maps with their presentations, and decisions, each keeping its
 * id so the receiving workspace can tell what it already has.
 */

export const TRANSFER_FORMAT = 'strategy-workbench.transfer';
export const TRANSFER_VERSION = 1;

const Id = z.string().min(1).max(140);

export const TransferMap = z
  .object({
    id: Id,
    document: MapDocument,
    presentations: z.array(z.object({ id: Id, document: PresentationDocument }).strict()).max(200).default([]),
  })
  .strict();
export type TransferMap = z.infer<typeof TransferMap>;

export const TransferDecision = z.object({ id: Id, problem: z.record(z.string(), z.unknown()) }).strict();
export type TransferDecision = z.infer<typeof TransferDecision>;

export interface Transfer {
  workspace: string;
  knowledge: Bundle | null;
  maps: TransferMap[];
  decisions: TransferDecision[];
}

export interface ParsedTransfer extends Omit<Transfer, 'knowledge'> {
  knowledge: ParsedBundle | null;
  /** The embedded knowledge bundle as text, for the knowledge-base importer. */
  knowledgeText: string | null;
}

/** Maps and decisions in one transfer file. */
export const TRANSFER_LIMITS = { maps: 500, decisions: 2_000 } as const;

export function printTransfer(transfer: Transfer, exportedAt: string): string {
  const doc = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    exportedAt,
    workspace: transfer.workspace,
    knowledge: transfer.knowledge && bundleDocument(transfer.knowledge),
    maps: [...transfer.maps].sort((a, b) => a.id.localeCompare(b.id)),
    decisions: [...transfer.decisions].sort((a, b) => a.id.localeCompare(b.id)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a transfer bundle: its limits first, then every part, reporting problems with their paths and lines. */
export function parseTransfer(input: string, fileName: string): ParsedTransfer {
  // Two levels deeper than a knowledge bundle: it sits inside this one.
  const { text, doc } = readJsonFile(input, fileName, LIMITS.maxJsonDepth + 2);
  if (!isRecord(doc) || doc.format !== TRANSFER_FORMAT) fail(fileName, `not a Strategy Workbench bundle (expected "format": "${TRANSFER_FORMAT}")`, 1, ['format']);
  const record = doc as Record<string, unknown>;
  if (typeof record.version !== 'number' || record.version > TRANSFER_VERSION || record.version < 1)
    fail(fileName, `this bundle is format version ${String(record.version)}; this app reads version ${TRANSFER_VERSION}`, jsonLines(text, [['version']])[0], ['version']);

  const problems = new Problems();
  const list = (key: string): unknown[] => {
    const value = record[key] ?? [];
    if (Array.isArray(value)) return value;
    problems.add([key], `"${key}" must be a list`);
    return [];
  };
  const rawMaps = list('maps');
  const rawDecisions = list('decisions');
  checkCount(rawMaps.length, TRANSFER_LIMITS.maps, fileName, 'maps', 'maps');
  checkCount(rawDecisions.length, TRANSFER_LIMITS.decisions, fileName, 'decisions', 'decisions');
  const parseEach = <T>(key: string, items: unknown[], schema: z.ZodType<T>): T[] =>
    items.flatMap((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) return [result.data];
      for (const p of zodProblems(result.error)) problems.add([key, i, ...p.path], p.message);
      return [];
    });
  const maps = parseEach('maps', rawMaps, TransferMap);
  maps.forEach((m, i) => {
    const phrases = m.document.phrases.length;
    if (m.document.concepts.length + phrases > MAX_NODES) problems.add(['maps', i, 'document'], `more than ${MAX_NODES.toLocaleString('en')} nodes, the most a map may bring`);
    if (m.document.phrases.reduce((n, p) => n + p.from.length * p.to.length, 0) > MAX_EDGES) problems.add(['maps', i, 'document'], `more than ${MAX_EDGES.toLocaleString('en')} propositions`);
  });
  const decisions = parseEach('decisions', rawDecisions, TransferDecision);
  duplicates(maps, 'maps', problems);
  duplicates(decisions, 'decisions', problems);

  let knowledge: ParsedBundle | null = null;
  let knowledgeText: string | null = null;
  if (record.knowledge !== null && record.knowledge !== undefined) {
    const embedded = isRecord(record.knowledge) ? { ...record.knowledge } : record.knowledge;
    if (isRecord(embedded) && embedded.format === undefined) Object.assign(embedded, { format: BUNDLE_FORMAT, version: BUNDLE_VERSION });
    knowledgeText = JSON.stringify(embedded, null, 2);
    try {
      knowledge = parseBundle(knowledgeText, fileName);
    } catch (error) {
      // Problems of the embedded bundle, placed under "knowledge" (lines are of the file as a whole).
      if (!(error instanceof AppError) || error.code !== 'invalid_file') throw error;
      const found = (error.details?.problems ?? []) as Problem[];
      const paths = found.map((p) => ['knowledge', ...p.path]);
      const lines = jsonLines(text, paths);
      found.forEach((p, i) => problems.add(paths[i] ?? [], p.message, lines[i]));
    }
  }
  if (problems.count > 0) {
    problems.locate((paths) => jsonLines(text, paths));
    problems.throwIfAny(fileName);
  }
  return { workspace: typeof record.workspace === 'string' ? record.workspace : '', knowledge, knowledgeText, maps, decisions };
}

function duplicates(items: { id: string }[], key: string, problems: Problems): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.add([key, i, 'id'], `the id "${item.id}" appears twice`);
    seen.add(item.id);
  });
}
