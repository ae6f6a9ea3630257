import { z } from 'zod';

// Zod 4 probes for `eval` to speed up parsing, which an extension's CSP forbids (and logs as a
// violation). Turn that off before any schema is defined: every schema imports z from here.
z.config({ jitless: true });

export { z };
