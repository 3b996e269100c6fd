// Run the built CLI (dist/) the way users do, and capture everything it says. `repomodInProcess`
// runs its `main` in this process (stdout, stderr, cwd, env and the exit code captured), which
// costs milliseconds instead of a node start-up and ~180 module loads per call; `repomod` spawns a
// real process, for what only a process has: stdin, signals, descriptors, a uid, a fresh module graph.
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.js';

export { REPO_ROOT };
export const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment variables the built modules read once, when they load (the write layer's fault
 * seam): a run that sets one needs a fresh process.
 */
const READ_AT_LOAD = ['REPOMOD_FAULT'];

/** The built CLI's `main`, run in this process; a run with stdin `input` or a load-time variable spawns. */
export async function repomodInProcess(
  cwd: string,
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  if (input !== undefined || READ_AT_LOAD.some((name) => name in env)) return repomod(cwd, args, input, env);
  const { main } = (await import(pathToFileURL(CLI).href)) as { main(argv: string[]): Promise<void> };
  return captured(cwd, args, { FORCE_COLOR: '0', ...env }, () => main(args));
}

/** The built CLI in a process of its own, as a shell runs it. */
export function repomod(cwd: string, args: string[], input?: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let running = false;

/**
 * Run `body` with this process's cwd, argv (the CLI quotes its own command line in hints and in
 * the write journal), environment, stdout, stderr and exit code as a CLI run's own, then put them
 * back. One at a time: they are the process's.
 */
async function captured(
  cwd: string,
  args: string[],
  env: Record<string, string>,
  body: () => Promise<void>,
): Promise<CliRun> {
  if (running)
    throw new Error(
      'repomodInProcess(): one in-process run at a time; use repomod() (a process each) for concurrent runs',
    );
  running = true;
  const saved = {
    cwd: process.cwd(),
    argv: process.argv,
    env: { ...process.env },
    exitCode: process.exitCode,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
  };
  const out = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    function write(chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    } as typeof process.stdout.write;
  try {
    process.chdir(cwd);
    process.argv = [process.execPath, CLI, ...args];
    Object.assign(process.env, env);
    process.exitCode = undefined;
    process.stdout.write = capture('stdout');
    process.stderr.write = capture('stderr');
    await body();
    return { code: Number(process.exitCode ?? 0), ...out };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.exitCode = saved.exitCode;
    for (const name of Object.keys(process.env)) if (!(name in saved.env)) delete process.env[name];
    Object.assign(process.env, saved.env);
    process.chdir(saved.cwd);
    process.argv = saved.argv;
    running = false;
  }
}

/**
 * Run the CLI as a user that permissions apply to: root reads a chmod 000 directory anyway, so as
 * root it runs as nobody (65534), with git told the checkout is safe. Returns why it could not
 * (nobody cannot reach the checkout or the built CLI, e.g. under a 0700 temp folder) instead of a run.
 */
export function repomodUnprivileged(dir: string, args: string[], expected: RegExp): CliRun | string {
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    HOME: dir,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'safe.directory',
    GIT_CONFIG_VALUE_0: '*',
  };
  if (process.getuid?.() !== 0) return repomod(dir, args, undefined, env);
  chmodSync(dir, 0o755);
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534, env });
  if (run.error || (/EACCES|Cannot find module/.test(run.stderr) && !expected.test(run.stderr)))
    return `running as uid 65534 failed (${run.error?.message ?? run.stderr.split('\n')[0]})`;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Run a built transform (`dist/transforms/<name>/index.js`, what the package ships) under the
 * stock jscodeshift runner, as a user of plain jscodeshift would.
 */
export function stockJscodeshift(cwd: string, transform: string, args: string[]): CliRun {
  const runner = path.join(REPO_ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
  const built = path.join(REPO_ROOT, 'dist/transforms', transform, 'index.js');
  const result = spawnSync(process.execPath, [runner, '--no-babel', '-t', built, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
