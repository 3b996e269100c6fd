// Plain-text tables for `npm run bench` (the --json document carries the same figures).

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const fixed = (value, digits) => (value === null || value === undefined ? '-' : Number(value).toFixed(digits));

/** Machine, versions, method and (when given) the repository. */
export function formatHeader(info, manifest) {
  const { machine, versions, method, startup } = info;
  const lines = ['repomod bench'];
  lines.push(
    `machine:  ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB RAM, ${machine.platform}, load ${machine.loadAtStart.join(' ')} at start`,
  );
  lines.push(
    `versions: node ${versions.node} · repomod ${versions.repomod} · jscodeshift ${versions.jscodeshift} (recast ${versions.recast}) · ast-grep ${versions.astGrep} · git ${versions.git}`,
  );
  lines.push(
    `start-up: repomod --version ${startup.versionMs} ms, repomod list ${startup.listMs} ms, bare node -e 0 ${startup.nodeMs} ms (best of 3; target < 200 ms)`,
  );
  lines.push(
    `method:   repomod --jobs ${method.repomodJobs}; jscodeshift --dry with its default workers (cores − 1); ast-grep scan --json with its default threads; output discarded`,
  );
  lines.push(`          ${method.timer}; ${method.memory}; cpu = ${method.cpu}`);
  lines.push(`          ${method.warmup}${method.repeat > 1 ? `; median of ${method.repeat} runs` : ''}`);
  if (manifest) {
    const m = manifest;
    const total = m.python.bytes + m.typescript.bytes + m.javascript.bytes;
    lines.push(
      `repository: ${m.python.files + m.typescript.files + m.javascript.files} source files (${m.python.files} Python averaging ${(m.python.bytes / Math.max(1, m.python.files) / 1000).toFixed(1)} KB; ${m.typescript.files} TS + ${m.javascript.files} JS averaging ${((m.typescript.bytes + m.javascript.bytes) / Math.max(1, m.typescript.files + m.javascript.files) / 1000).toFixed(1)} KB; ${mb(total)})${m.seed !== null && m.seed !== undefined ? `, seed ${m.seed}` : ''}`,
    );
    lines.push(`            ${m.root}`);
  }
  return lines.join('\n');
}

/** A job's own repository (a shape other than the mixed one): sizes, share of importers, files that do not parse. */
export function formatShapedRepository(shape, m) {
  const files = m.typescript.files + m.javascript.files + m.python.files;
  const bytes = m.typescript.bytes + m.javascript.bytes + m.python.bytes;
  const importers = m.typescript.importers + m.javascript.importers + m.python.importers;
  const kinds = m.python.files ? `${m.python.files} Python` : `${m.typescript.files} TS/TSX + ${m.javascript.files} JS`;
  return `repository (${shape === 'python-repository' ? 'yours, as it is' : `${shape} shape`}): ${files} source files (${kinds} averaging ${(bytes / Math.max(1, files) / 1000).toFixed(1)} KB; ${mb(bytes)}), ${importers} (${Math.round((importers / Math.max(1, files)) * 100)}%) name the moved module${m.broken === undefined ? ' (a regex estimate)' : `, ${m.broken} do not parse`}
            ${m.root}`;
}

/** One job: the tools side by side, then repomod's ratios to each and the issues' targets. */
export function formatJob(report) {
  const lines = ['', `${report.name}: ${report.title}`];
  lines.push(
    `  ${report.files} files (${mb(report.bytes)}) under ${report.paths.join(' ')}; ${report.expectedChanges} ${report.expectedIsEstimate ? 'name the module (a regex estimate)' : 'should change'}`,
  );
  const header = ['tool', 'wall s', 'files/s', 'cpu s', 'peak MiB', 'changed', 'failed'];
  const rows = [];
  const notes = [];
  for (const r of report.results) {
    if (r.status === 'skipped') {
      notes.push(`  ${r.tool}: skipped: ${r.reason}`);
      continue;
    }
    rows.push([
      r.tool,
      fixed(r.wallMs / 1000, 2),
      fixed(r.filesPerSecond, 0),
      r.cpuMs === null ? '-' : fixed(r.cpuMs / 1000, 2),
      fixed(r.peakMiB, 1),
      r.changed ?? '-',
      r.failed ?? '-',
    ]);
    if (r.status === 'failed') notes.push(`  ${r.tool}: did not do the job: ${r.reason}`);
    if (r.note) notes.push(`  ${r.tool}: ran ${r.note}`);
    if (r.findings && /[1-9]/.test(r.findings)) notes.push(`  ${r.tool}: ${r.findings}`);
    if (
      r.changed !== null &&
      r.changed !== undefined &&
      r.changed !== report.expectedChanges &&
      r.status === 'measured'
    ) {
      notes.push(
        `  ${r.tool}: changed ${r.changed} files where ${report.expectedChanges} ${report.expectedIsEstimate ? 'name the module by a regex estimate' : 'import or use the target'}`,
      );
    }
  }
  if (rows.length) lines.push(...table(header, rows).map((l) => `  ${l}`));
  for (const c of report.comparisons) {
    if (c.speedup === null) continue;
    // targets read "at most 0.6× its wall time": say both ways round
    const verdict = c.target
      ? ` (target ≥ ${Number(c.target.atLeast.toFixed(2))}×, at most ${Number((1 / c.target.atLeast).toFixed(2))}× its wall time: ${c.target.met ? 'met' : 'MISSED'})`
      : '';
    lines.push(
      `  repomod vs ${c.against}: ${c.speedup}× the throughput, ${(1 / c.speedup).toFixed(2)}× its wall time${verdict}, ${c.memoryRatio ?? '-'}× the peak memory`,
    );
  }
  if (report.memory)
    lines.push(
      `  repomod peak memory ${report.memory.peakMiB} MiB (target < ${report.memory.limitMiB} MiB: ${report.memory.met ? 'met' : 'MISSED'})`,
    );
  lines.push(...notes);
  return lines.join('\n');
}

export function formatScale(result) {
  const lines = ['', `scale: rewrite-imports over the realistic Python platform at N and ${result.factor}N files`];
  const rows = [];
  for (const point of result.points) {
    for (const r of point.results) {
      if (r.status === 'skipped') continue;
      rows.push([
        String(point.files),
        String(point.pythonFiles),
        mb(point.bytes),
        r.tool,
        fixed(r.wallMs / 1000, 2),
        fixed(r.filesPerSecond, 0),
        fixed(r.peakMiB, 1),
        r.changed ?? '-',
      ]);
    }
  }
  if (rows.length)
    lines.push(
      ...table(['files', 'Python', 'size', 'tool', 'wall s', 'files/s', 'peak MiB', 'changed'], rows).map(
        (l) => `  ${l}`,
      ),
    );
  const skipped = result.points[0]?.results.filter((r) => r.status === 'skipped') ?? [];
  for (const r of skipped) lines.push(`  ${r.tool}: skipped: ${r.reason}`);
  const t = result.timeRatio;
  if (t.repomod !== null)
    lines.push(
      `  repomod time ${result.factor}N / N: ${t.repomod}× (target ≤ ${t.target}×: ${t.met ? 'met' : 'MISSED'}); ast-grep: ${t.astGrep ?? '-'}×`,
    );
  if (result.peakMiB.repomod !== null)
    lines.push(
      `  repomod peak memory: ${result.peakMiB.repomod} MiB (target < ${result.peakMiB.limit} MiB: ${result.peakMiB.met ? 'met' : 'MISSED'})`,
    );
  if (result.points[0]?.files < 2000)
    lines.push(
      '  note: below 2000 files the fixed start-up costs dominate, so the time ratio flatters; the target is meant at the default size',
    );
  return lines.join('\n');
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const render = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [render(header), ...rows.map(render)];
}
