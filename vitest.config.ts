import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the CLI tests spawn dist/: refuse to run them against a stale build
    globalSetup: ['test/setup/dist-is-fresh.ts'],
    // synchronous tests starve vitest's own IPC: yield between tests (see the file)
    setupFiles: ['test/setup/turn-event-loop.ts'],
    // e2e tests spawn the built CLI and git; give them room on a 2-core machine
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // both cores: most files spawn the CLI, git or python3 and wait on them (one fork: ~6 min)
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
