// The write layer's file-system calls, one function per step, counted so that tests can make
// any single step fail (EIO) or end the process (SIGKILL) and check what the tree looks like.
// Outside tests the seam costs one counter increment per call.
import * as fs from 'node:fs';

export type WriteStep =
  'open' | 'write' | 'fsync' | 'rename' | 'unlink' | 'mkdir' | 'rmdir' | 'link' | 'symlink' | 'chmod';

/** What a fault plan does when its step comes up. `crash` is the in-process stand-in for SIGKILL. */
export type FaultAction = 'fail' | 'kill' | 'crash';

export interface FaultPlan {
  /** The kind of step to count, or `any` to count every step. */
  step: WriteStep | 'any';
  /** 1-based: the Nth such step faults. */
  at: number;
  action: FaultAction;
}

/**
 * Thrown by a `crash` fault: the write layer lets it through untouched (no rollback, no cleanup),
 * so the tree is left exactly as a SIGKILL at that step would leave it.
 */
export class SimulatedCrash extends Error {
  constructor(step: string) {
    super(`simulated crash at ${step}`);
  }
}

let plan: FaultPlan | undefined = parsePlan(process.env.REPOMOD_FAULT);
const counts = new Map<string, number>();

/**
 * `REPOMOD_FAULT=rename:3:kill` kills the process at the third rename; `any:40:fail` fails the
 * 40th step of any kind with EIO. For tests only.
 */
export function parsePlan(text: string | undefined): FaultPlan | undefined {
  const match = /^(\w+):(\d+)(?::(fail|kill|crash))?$/.exec(text ?? '');
  return match
    ? { step: match[1] as WriteStep, at: Number(match[2]), action: (match[3] as FaultAction) ?? 'fail' }
    : undefined;
}

/** Set (or clear) the fault plan and reset the counters. */
export function setFaultPlan(next: FaultPlan | undefined): void {
  plan = next;
  counts.clear();
}

/** Steps taken since the last reset, by kind and in all (`any`). */
export function stepCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

function step(kind: WriteStep, target: string): void {
  const total = (counts.get('any') ?? 0) + 1;
  const own = (counts.get(kind) ?? 0) + 1;
  counts.set('any', total);
  counts.set(kind, own);
  if (!plan || (plan.step === 'any' ? total : plan.step === kind ? own : -1) !== plan.at) return;
  if (plan.action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (plan.action === 'crash') throw new SimulatedCrash(`${kind} #${own} (${target})`);
  throw Object.assign(new Error(`EIO: i/o error (injected fault), ${kind} '${target}'`), {
    code: 'EIO',
    errno: -5,
    syscall: kind,
    path: target,
  });
}

export const seam = {
  open(file: string, flags: string, mode?: number): number {
    step('open', file);
    return fs.openSync(file, flags, mode);
  },
  /** Write every byte: `writeSync` may write fewer than asked (a full disk), so loop, and fail on no progress. */
  writeAll(fd: number, bytes: Uint8Array, file: string): void {
    let offset = 0;
    while (offset < bytes.length) {
      step('write', file);
      const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
      if (written <= 0)
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
          syscall: 'write',
          path: file,
        });
      offset += written;
    }
  },
  fsync(fd: number, file: string): void {
    step('fsync', file);
    fs.fsyncSync(fd);
  },
  rename(from: string, to: string): void {
    step('rename', to);
    fs.renameSync(from, to);
  },
  unlink(file: string): void {
    step('unlink', file);
    fs.unlinkSync(file);
  },
  mkdir(dir: string): void {
    step('mkdir', dir);
    fs.mkdirSync(dir);
  },
  rmdir(dir: string): void {
    step('rmdir', dir);
    fs.rmdirSync(dir);
  },
  link(existing: string, backup: string): void {
    step('link', backup);
    fs.linkSync(existing, backup);
  },
  symlink(target: string, file: string): void {
    step('symlink', file);
    fs.symlinkSync(target, file);
  },
  chmod(file: string, mode: number): void {
    step('chmod', file);
    fs.chmodSync(file, mode);
  },
};
