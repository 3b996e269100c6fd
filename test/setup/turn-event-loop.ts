// Most CLI tests are synchronous (spawnSync of the built CLI, git, python3). Vitest's worker hears
// its main process's answers over IPC only when the event loop turns, and awaiting a synchronous
// test turns no loop; a file of such tests can hold it for over a minute, and vitest's 60 s RPC timer
// then fails the run ("Timeout calling onTaskUpdate") although every test passed. Turn the loop
// after each test, so every answer is heard within one test's time.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
