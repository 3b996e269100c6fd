// The bench's `check` section: `repomod check` as a pre-commit gate and a CI step on a generated
// Python repository shaped like a service monorepo (issue 14's ~2,200 files), one file and the
// whole repository, each with the fact cache cleared (cold) and then kept (warm).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateRepository } from './generate.mjs';
import { measure } from './measure.mjs';

/** Python files in the repository `check` is timed on (issue 14's repository had 2,222). */
export const CHECK_FILES = 2222;

/** Issue 14's targets: wall-clock ones for the warm runs and one cold run, CPU for the cold whole run. */
const TARGETS = {
  'one file, cold': { wallMs: 3000 },
  'one file, warm': { wallMs: 1000 },
  'whole repository, cold': { cpuMs: 8000 },
  'whole repository, warm': { wallMs: 3000 },
};
const PEAK_LIMIT_MIB = 400;

/**
 * Generate the repository, run the four measurements (`repeat` times each, median reported) and
 * check that a warm run reports exactly what a cold one does (the cache never changes results).
 */
export async function runCheckSection({ cli, files = CHECK_FILES, seed, repeat = 1, timeBinary, scratch, keep, log }) {
  log(`bench: check: generating a ${files}-file Python repository…`);
  const manifest = generateRepository({ files, seed, shape: 'python' });
  const root = manifest.root;
  const cacheDir = path.join(root, '.git', 'repomod', 'cache');
  const one = oneFile(root);
  const argv = (...args) => [process.execPath, cli, 'check', ...args, '--no-color'];
  const plan = [
    { name: 'one file, cold', argv: argv(one), cold: true },
    { name: 'one file, warm', argv: argv(one) },
    { name: 'whole repository, cold', argv: argv(), cold: true },
    { name: 'whole repository, warm', argv: argv() },
  ];
  const runs = [];
  try {
    for (const step of plan) {
      const measured = [];
      for (let r = 0; r < repeat; r++) {
        if (step.cold) rmSync(cacheDir, { recursive: true, force: true });
        log(`bench: check: ${step.name}${repeat > 1 ? ` (run ${r + 1}/${repeat})` : ''}…`);
        measured.push(await measure(step.argv, { cwd: root, timeBinary, scratch }));
      }
      const last = measured.at(-1);
      const wallMs = Math.round(median(measured.map((m) => m.wallMs)));
      const cpuValues = measured.map((m) => m.cpuMs).filter((v) => v !== null);
      const cpuMs = cpuValues.length ? median(cpuValues) : null;
      const peakMiB = Math.round((Math.max(...measured.map((m) => m.peakKiB ?? 0)) / 1024) * 10) / 10 || null;
      const target = TARGETS[step.name];
      const met = target.wallMs !== undefined ? wallMs <= target.wallMs : cpuMs === null ? null : cpuMs <= target.cpuMs;
      runs.push({
        name: step.name,
        command: ['repomod', ...step.argv.slice(2)].join(' '),
        wallMs,
        cpuMs,
        peakMiB,
        exitCode: last.exitCode,
        summary: summaryOf(last.stderr),
        findings: findingsOf(last.stderr),
        target: { ...target, met },
        runs: measured.map((m) => ({ wallMs: Math.round(m.wallMs), cpuMs: m.cpuMs, peakKiB: m.peakKiB })),
      });
    }
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
  const cold = runs.find((r) => r.name === 'whole repository, cold');
  const warm = runs.find((r) => r.name === 'whole repository, warm');
  const peak = Math.max(...runs.map((r) => r.peakMiB ?? 0));
  return {
    repository: {
      root: keep ? root : undefined,
      files: manifest.python.files,
      bytes: manifest.python.bytes,
      planted: manifest.planted ?? {},
      oneFile: one,
    },
    runs,
    sameFindings: cold.findings.join('\n') === warm.findings.join('\n') && cold.exitCode === warm.exitCode,
    peak: { peakMiB: peak, limitMiB: PEAK_LIMIT_MIB, met: peak <= PEAK_LIMIT_MIB },
  };
}

/** A module whose first class subclasses the service's processor base: the lookup crosses modules. */
function oneFile(root) {
  const services = path.join(root, 'services');
  const candidates = readdirSync(services, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.py'))
    .sort();
  const pick = candidates.find((f) =>
    /^class \w+\(ProcessorBase\):/m.test(readFileSync(path.join(services, f), 'utf8')),
  );
  return path.posix.join('services', (pick ?? candidates[0]).split(path.sep).join('/'));
}

/** Diagnostics and "would change" lines, in order: what two runs must agree on. */
function findingsOf(stderr) {
  return stderr.split('\n').filter((line) => /^\S+:\d+:\d+: (error|warning): |: would change$/.test(line));
}

function summaryOf(stderr) {
  return (
    stderr
      .split('\n')
      .findLast((line) => /\d+ changed, \d+ unchanged/.test(line))
      ?.replace(/ \([\d.]+s\)$/, '') ?? '(clean: no summary)'
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The section as a table, its targets and the cache's agreement check. */
export function formatCheckSection(section) {
  const r = section.repository;
  const planted =
    Object.entries(r.planted)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'none';
  const lines = [
    '',
    `check: repomod check on a ${r.files}-file Python repository (${(r.bytes / 1e6).toFixed(1)} MB, long-tail sizes, class hierarchies across modules; planted: ${planted})`,
  ];
  lines.push(
    `  one file: ${r.oneFile}; cold = fact cache cleared first (.git/repomod/cache), warm = the previous run's cache`,
  );
  const rows = section.runs.map((run) => [
    run.name,
    (run.wallMs / 1000).toFixed(2),
    run.cpuMs === null ? '-' : (run.cpuMs / 1000).toFixed(2),
    run.peakMiB === null ? '-' : run.peakMiB.toFixed(1),
    run.target.wallMs !== undefined ? `wall ≤ ${run.target.wallMs / 1000} s` : `cpu ≤ ${run.target.cpuMs / 1000} s`,
    run.target.met === null ? '-' : run.target.met ? 'met' : 'MISSED',
  ]);
  const header = ['run', 'wall s', 'cpu s', 'peak MiB', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const render = (cells) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ')
      .trimEnd();
  lines.push(...[render(header), ...rows.map(render)].map((l) => `  ${l}`));
  lines.push(
    `  peak memory ${section.peak.peakMiB} MiB (target ≤ ${section.peak.limitMiB} MiB: ${section.peak.met ? 'met' : 'MISSED'})`,
  );
  const whole = section.runs.find((run) => run.name === 'whole repository, warm');
  lines.push(
    `  whole repository: ${whole.summary}; warm and cold runs report ${section.sameFindings ? 'the same findings' : 'DIFFERENT findings (a cache bug)'}`,
  );
  return lines.join('\n');
}
