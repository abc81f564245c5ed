import { z } from 'zod';
import { WorkspaceInfo } from './app.ts';
import { method } from './define.ts';

/** A workspace file: an absolute path ending in .swb (added when missing). */
export const WorkspacePath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path')
  .refine((p) => !p.includes('\0'), 'must not contain a NUL character')
  .transform((p) => (p.toLowerCase().endsWith('.swb') ? p : `${p}.swb`));

export const BackupEntry = z.object({
  name: z.string(),
  at: z.string(),
  reason: z.enum(['open', 'migration', 'periodic', 'manual', 'restore']),
  size: z.number().int(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

const BackupName = z.string().regex(/^\d{8}-\d{6}(-\d+)?-[a-z]+\.swb$/, 'must be a backup file name from workspace.backups');

export const workspaceMethods = {
  'workspace.recent': method({
    summary: 'Workspaces opened recently, newest first; files that have gone are marked.',
    input: z.object({}).strict(),
    output: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() })),
    writes: false,
  }),
  'workspace.new': method({
    summary: 'Create a workspace file, with the default knowledge base or empty, and switch to it.',
    input: z.object({ path: WorkspacePath, content: z.enum(['default', 'empty']).default('default') }).strict(),
    output: WorkspaceInfo,
    writes: false,
  }),
  'workspace.open': method({
    summary: 'Switch to another workspace file (checked first; a damaged one is refused, untouched, with its backups named).',
    input: z.object({ path: WorkspacePath }).strict(),
    output: WorkspaceInfo,
    writes: false,
  }),
  'workspace.saveAs': method({
    summary: 'Copy the open workspace, consistently while it stays in use, to a new file, and switch to the copy.',
    input: z.object({ path: WorkspacePath }).strict(),
    output: WorkspaceInfo,
    writes: false,
  }),
  'workspace.backups': method({
    summary: 'The automatic and manual backups of a workspace (default: the open one), newest first.',
    input: z.object({ path: WorkspacePath.optional() }).strict(),
    output: z.array(BackupEntry),
    writes: false,
  }),
  'workspace.backup': method({
    summary: 'Back up the open workspace now.',
    input: z.object({}).strict(),
    output: BackupEntry,
    writes: false,
  }),
  'workspace.restore': method({
    summary: 'Put a backup in place of a workspace (default: the open one) and open it; the current state is backed up first, a damaged file is kept aside.',
    input: z.object({ backup: BackupName, path: WorkspacePath.optional() }).strict(),
    output: WorkspaceInfo,
    writes: false,
  }),
  'workspace.chooseFile': method({
    summary: 'Ask the desktop shell for a file with its own dialog; `supported: false` where there is none (the browser harness).',
    input: z.object({ purpose: z.enum(['open', 'new', 'saveAs', 'importBundle', 'exportBundle']), suggestedName: z.string().max(200).optional() }).strict(),
    output: z.object({ supported: z.boolean(), path: z.string().nullable() }),
    writes: false,
  }),
};
