// Run one command and measure it: wall time (spawn to exit), CPU time and peak memory of the
// command and every process it starts. Peak memory is the larger of two readings: the sum of
// the RSS of the whole process tree, sampled from /proc every few milliseconds (catches tools
// that fork workers, such as the stock jscodeshift runner), and the largest single process's
// peak as GNU time reports it (catches a spike between two samples).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIME_BINARY = '/usr/bin/time';

/** GNU time, if it is there and understands `-f` (BusyBox and BSD time do not all do). */
export function detectGnuTime() {
  if (!existsSync(TIME_BINARY)) return undefined;
  const probe = spawnSync(TIME_BINARY, ['-f', '%e %U %S %M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^[\d.]+ [\d.]+ [\d.]+ \d+\s*$/m.test(probe.stderr) ? TIME_BINARY : undefined;
}

/** Whether /proc exposes children lists, which the tree sampling needs. */
export function canSampleProc() {
  try {
    readdirSync(`/proc/${process.pid}/task`);
    readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
    return true;
  } catch {
    return false;
  }
}

/**
 * Run `argv` in `cwd`, stdout to `stdoutFile` (or /dev/null), stderr captured.
 * @returns {Promise<{ exitCode: number|null, signal: string|null, wallMs: number, cpuMs: number|null,
 *   peakKiB: number|null, treePeakKiB: number|null, processPeakKiB: number|null, stderr: string }>}
 */
export function measure(argv, { cwd, stdoutFile, timeBinary, pollMs = 20, env = process.env, scratch = os.tmpdir() }) {
  const timeFile = timeBinary ? path.join(scratch, `time-${process.pid}-${Date.now()}.txt`) : undefined;
  const command = timeBinary ? [timeBinary, '-f', '%e %U %S %M', '-o', timeFile, ...argv] : argv;
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const sampling = canSampleProc();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', out, 'pipe'] });
    // keep the head and the tail of stderr: a crash's message comes first, the summary line last
    const head = [];
    const tail = [];
    let headBytes = 0;
    let tailBytes = 0;
    child.stderr.on('data', (chunk) => {
      if (headBytes < 1 << 20) {
        head.push(chunk);
        headBytes += chunk.length;
        return;
      }
      tail.push(chunk);
      tailBytes += chunk.length;
      while (tailBytes - tail[0].length > 256 << 10) tailBytes -= tail.shift().length;
    });
    let treePeak = 0;
    const hwm = new Map();
    const sample = () => {
      if (!sampling || !child.pid) return;
      let sum = 0;
      // under GNU time the tool is its child; do not count time's own few hundred KiB
      for (const pid of processTree(child.pid)) {
        if (timeBinary && pid === child.pid) continue;
        const status = readStatus(pid);
        if (!status) continue;
        sum += status.rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, status.hwm));
      }
      treePeak = Math.max(treePeak, sum);
    };
    const timer = setInterval(sample, pollMs);
    sample();
    let wallMs = 0;
    child.on('exit', () => {
      wallMs = performance.now() - started;
      clearInterval(timer);
    });
    child.on('error', (error) => {
      clearInterval(timer);
      if (typeof out === 'number') closeSync(out);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      if (typeof out === 'number') closeSync(out);
      let cpuMs = null;
      let processPeak = hwm.size ? Math.max(...hwm.values()) : null;
      if (timeFile && existsSync(timeFile)) {
        // the last line: earlier ones are "Command exited with non-zero status N"
        const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ');
        rmSync(timeFile, { force: true });
        if (fields.length === 4) {
          cpuMs = Math.round((Number(fields[1]) + Number(fields[2])) * 1000);
          processPeak = Math.max(processPeak ?? 0, Number(fields[3]));
        }
      }
      const readings = [treePeak || null, processPeak].filter((v) => v !== null);
      resolve({
        exitCode,
        signal,
        wallMs,
        cpuMs,
        peakKiB: readings.length ? Math.max(...readings) : null,
        treePeakKiB: treePeak || null,
        processPeakKiB: processPeak,
        stderr:
          Buffer.concat(head).toString('utf8') + (tail.length ? `\n[…]\n${Buffer.concat(tail).toString('utf8')}` : ''),
      });
    });
  });
}

/** `pid` and all its descendants, through every thread's children list (worker threads may fork). */
function processTree(pid) {
  const seen = [pid];
  for (let i = 0; i < seen.length; i++) {
    let tasks;
    try {
      tasks = readdirSync(`/proc/${seen[i]}/task`);
    } catch {
      continue; // exited between two reads
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${seen[i]}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ')) if (child.trim()) seen.push(Number(child));
    }
  }
  return seen;
}

function readStatus(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const rss = /^VmRSS:\s+(\d+)/m.exec(text);
  const hwm = /^VmHWM:\s+(\d+)/m.exec(text);
  return rss ? { rss: Number(rss[1]), hwm: hwm ? Number(hwm[1]) : Number(rss[1]) } : undefined;
}
