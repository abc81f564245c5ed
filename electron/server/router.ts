import {
  AppError,
  api,
  describeProblems,
  isMethodName,
  problemsFromZod,
  type ApiErrorBody,
  type ApiResult,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../core/api.ts';
import type { ServerContext } from './context.ts';
import { heldError } from './store/workspace.ts';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: ServerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Router {
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
}

const MAX_METHOD_NAME = 100;

/** The one entry point for every transport: look up, validate, run, and wrap the answer. */
export function createRouter(ctx: ServerContext, handlers: Handlers): Router {
  async function run(method: string, args: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !isMethodName(method))
      throw new AppError(
        'unknown_method',
        `Unknown method "${String(method).slice(0, MAX_METHOD_NAME)}". Known methods: ${Object.keys(api).join(', ')}.`,
      );
    const parsed = api[method].input.safeParse(args ?? {});
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error);
      throw new AppError('invalid_args', `Invalid arguments for ${method}: ${describeProblems(problems)}`, { problems });
    }
    const heldBy = ctx.workspace.heldBy;
    if (api[method].writes && heldBy) throw heldError(ctx.workspace.path, heldBy);
    if (api[method].writes && ctx.jobs.writeLocked)
      throw new AppError('busy', 'An import is still running; changes are possible again when it finishes or is cancelled.');
    const handler = handlers[method] as (input: unknown, ctx: ServerContext) => unknown;
    return await handler(parsed.data, ctx);
  }

  return {
    async call(method, args) {
      try {
        return { ok: true, value: await run(method, args) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    },
  };
}

/** Anything thrown becomes a structured error; unexpected ones keep their message, not their stack. */
export function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof AppError) return error.toBody();
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return { code: 'busy', message: 'The workspace is busy with another write; try again in a moment.' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
