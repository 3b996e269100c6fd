import { defineConfig } from 'vitest/config';

// Three projects, chosen by folder and checked by test/unit/test-layout.test.ts:
//   unit:  in-process (the engine, transforms and features called directly; git and python3 as oracles)
//   sweep: in-process too, but exhaustive: a fault injected at every step of the write layer, a
//          minute of CPU per file, kept out of the quick loop and never out of `npm test`
//   e2e:   runs the built CLI (dist/; in-process, or spawned where a process matters) or the packed
//          package, so it first checks dist/ is fresh
// `npm run test:unit` is the quick loop; `npm test` runs all three, sharing each fork between files.
export default defineConfig({
  test: {
    // synchronous tests starve vitest's own IPC: yield between tests (see the file); temp folders
    // and FIFO watchdogs go after each file, whether or not the project shares modules
    setupFiles: ['test/setup/turn-event-loop.ts', 'test/setup/clean-up-after-file.ts'],
    pool: 'forks',
    // both cores: most files spawn the CLI, git or python3 and wait on them (one fork: ~6 min)
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // `npm test`, `npm run test:unit` and `test:watch` pass --no-isolate: one process and module
          // graph per fork, not per file, so the engine, babel, tree-sitter's wasm and ts-morph load twice,
          // not once per file (`npm test`: 162 → 140 s wall, 300 → 265 s of CPU). So no file may leave
          // state behind: temp folders are unique, spies are restored, test/setup/clean-up-after-file.ts
          // takes out temp folders, FIFO watchdogs and babel's hook, test/helpers/cli.ts puts back the
          // cwd, argv, env and streams of an in-process CLI run, and the caches that outlive a file
          // (ts-morph's lib files, git top-levels) are keyed by content or path. It cannot be set here:
          // the forks pool is one for all projects, and its isolation is a root option (a project's
          // `isolate: false` still gave a process per file)
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'sweep',
          include: ['test/sweep/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // refuse to run against a stale build: a changed message would otherwise still pass
          globalSetup: ['test/setup/dist-is-fresh.ts'],
          // the built CLI runs as node loads it, not through vite's transform (test/helpers/cli.ts
          // imports it in-process): its own import.meta.url, worker URLs and module loading
          server: { deps: { external: [/\/dist\//] } },
          // each test runs the built CLI and git, several times; room for a loaded 2-core machine
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
