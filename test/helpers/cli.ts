// Spawn the built CLI the way users do, and capture everything it says.
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

export { REPO_ROOT };
export const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

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
