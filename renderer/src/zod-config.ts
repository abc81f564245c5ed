import { config } from 'zod/v4/core';

/**
 * The page's CSP allows no eval; zod 4 would probe for it (a blocked `new Function`, reported as
 * a CSP violation on every page) before compiling its fast path. The interpreted path is as exact.
 */
config({ jitless: true });
