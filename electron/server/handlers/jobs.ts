import type { Handlers } from '../router.ts';

export const jobHandlers: Pick<Handlers, 'jobs.cancel'> = {
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
};
