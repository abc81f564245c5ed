import { z } from 'zod';
import { method } from './define.ts';

export const jobMethods = {
  'jobs.cancel': method({
    summary: 'Ask a running job (an import) to stop; it rolls back and its call answers `cancelled`.',
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    writes: false,
  }),
};
