import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `db` gets a real PostgreSQL from the global
// setup (embedded when DATABASE_URL is unset) and clones one database per test file.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Most of a database test's time is spent waiting on PostgreSQL, not on this process: twice
    // as many workers as cores (at least four) halves the suite on a 2-core machine (measured:
    // 59 s → 33 s for the route-table, journey and task files).
    maxWorkers: Math.max(4, availableParallelism() * 2),
    projects: [
      {
        test: {
          name: 'unit',
          // As for `db` below: modules load once per worker, not once per file.
          isolate: false,
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/cli/src/**/*.test.ts',
            'apps/server/src/**/*.unit.test.ts',
            'apps/web/src/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        test: {
          name: 'db',
          // A worker keeps the modules it loaded from one test file to the next: loading the
          // server for every file was most of the run's CPU (measured on 2 cores: import 448 s →
          // 114 s, the whole run 380 s → 301 s). Safe because no test mocks modules or stubs
          // globals, and each file builds its own app on its own database (test/test-app.ts).
          isolate: false,
          include: [
            'apps/server/src/**/*.api.test.ts',
            'apps/server/test/**/*.api.test.ts',
            'apps/server/test/fuzz/**/*.fuzz.test.ts',
            'apps/server/src/**/*.db.test.ts',
            'apps/cli/test/**/*.test.ts',
          ],
          globalSetup: ['apps/server/test/global-setup.ts'],
          // The CLI's flows spawn a dozen processes each (one per command); on two busy cores in
          // a full run they have taken over 30 s, so a test gets 90 s before it counts as hung.
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
