import { defineConfig } from 'vitest/config';

// Three projects, one `vitest run`. Unit and integration files share the two cores; the e2e
// project runs its files one at a time after them (vitest groups a project whose
// fileParallelism is off into its own, sequential group), since each e2e file starts a
// Chromium and two at once on a 2-core machine make every timeout flaky.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // better-sqlite3 is a native addon: child processes load and unload it cleanly,
          // worker threads have crashed on it.
          pool: 'forks',
          // The passphrase KDF (scrypt, strong parameters) runs several times in some tests.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A sign-in runs the real passphrase KDF; on a busy 2-core machine a screen can take
          // seconds to settle. Polls wait for what a user would wait for, not one second.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
