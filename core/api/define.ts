import type { z } from 'zod';

/**
 * One API method: what it accepts, what it answers, and whether it writes. The router validates
 * `input` before a handler runs; tests validate answers against `output`.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  /** Writes to the workspace: refused while the workspace is read-only or locked elsewhere. */
  writes: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}
