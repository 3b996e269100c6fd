// After a move is planned, the deploy packages it touches are closure-checked against the
// post-move state: package files as the links and bundle entries will provide them, with the
// imports as the move rewrites them. What a package newly misses is reported with its import chain.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { computeClosure, type Closure, type ClosureFinding } from '../../lib/deploy/closure.js';
import { joinRel } from '../../lib/deploy/package-dir.js';
import { planPackage, type PackageFile, type PackagePlan } from '../../lib/deploy/package.js';
import { fillMessage, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { decodeText } from '../../lib/engine/files.js';
import { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import { messages } from './messages.js';
import { movedPath } from './move-paths.js';
import type { RewriteImportsOptions } from './options.js';
import type { LinkPlan, ProviderMove } from './plan-links.js';
import { rewriteFile } from './rewrite-file.js';
import { matchPython, type RuleSet } from './rules.js';

/** Closure-check every package `links` marks as touched; report what each newly misses. */
export async function checkMovedPackages(
  repo: RepoIndex,
  set: RuleSet,
  options: RewriteImportsOptions,
  links: LinkPlan,
  changes: readonly FileChange[],
  report: (d: Diagnostic) => void,
): Promise<void> {
  if (links.touched.size === 0) return;
  const realRoot = realpathSync(repo.root);
  const after = postMoveIndex(repo, changes);
  const readAfter = postMoveReader(repo, set, options, changes, realRoot);
  for (const dir of [...links.touched].sort()) {
    if (movedPath(set, dir) !== undefined) continue;
    let before: PackagePlan;
    try {
      before = planPackage(repo, repo.absolute(dir));
    } catch {
      continue;
    }
    const entries = entryFiles(before);
    if (entries.length === 0) continue;
    const planAfter = packageAfter(
      set,
      before,
      links.providers.filter((p) => p.packageDir === dir),
      changes,
      realRoot,
    );
    for (const entry of entries) {
      const old = await computeClosure(repo, before, entry);
      const known = new Set(
        old.findings.map((f) => findingKey(f, matchPython(set, f.module, joinRel(dir, f.file))?.result ?? f.module)),
      );
      const closure = await computeClosure(after, planAfter, entry, { readSource: readAfter });
      const fresh = closure.findings.filter(
        (f) => (f.kind === 'missing-module' || f.kind === 'unresolved-module') && !known.has(findingKey(f, f.module)),
      );
      // `shared.gcp` and `shared.gcp.bigquery_utils` missing for one import: name the module, once
      const deepest = fresh.filter(
        (f) =>
          !fresh.some((g) => g !== f && g.file === f.file && g.line === f.line && g.module.startsWith(`${f.module}.`)),
      );
      for (const finding of deepest) {
        const values = {
          package: dir || '.',
          module: finding.module,
          repoFile: finding.repoFile ?? '',
          chain: chainText(closure, finding),
        };
        const code =
          finding.kind === 'missing-module'
            ? 'rewrite-imports/package-misses-module'
            : 'rewrite-imports/package-unresolved-module';
        report({
          path: joinRel(dir, finding.file),
          line: finding.line,
          column: finding.column,
          severity: options.strict && !finding.optional ? 'error' : 'warning',
          code,
          message: fillMessage(messages[code], values),
        });
      }
    }
  }
}

const findingKey = (f: ClosureFinding, module: string) => `${f.kind}\0${module}`;

/** `main.py:2 → shared/jobs.py:1 → shared.gcp.bigquery_utils`: where each next import is, then the module. */
function chainText(closure: Closure, finding: ClosureFinding): string {
  const steps = closure.files.find((f) => f.path === finding.file)?.chain ?? [];
  return [...steps.map((s) => `${s.file}:${s.line}`), `${finding.file}:${finding.line}`, finding.module].join(' → ');
}

/** The package's entry: `main.py` (what Cloud Functions and most runtimes load), else its top-level own modules. */
function entryFiles(plan: PackagePlan): string[] {
  if (plan.files.has('main.py')) return ['main.py'];
  return [...plan.files.values()]
    .filter((f) => f.via === 'file' && /^[^/]+\.py$/.test(f.rel))
    .map((f) => f.rel)
    .sort();
}

/** The repository's file list after the changes: what module resolution sees once they are written. */
function postMoveIndex(repo: RepoIndex, changes: readonly FileChange[]): RepoIndex {
  const files = new Set(repo.files);
  for (const change of changes) {
    if (change.renamedFrom) files.delete(change.renamedFrom);
    if (change.after?.kind === 'file') files.add(change.path);
    else files.delete(change.path);
  }
  return new RepoIndex({ ...repo.snapshot(), files: [...files] });
}

/** Text of a file after the move: planned content where the plan has it, else the per-file rewrite of what is on disk. */
function postMoveReader(
  repo: RepoIndex,
  set: RuleSet,
  options: RewriteImportsOptions,
  changes: readonly FileChange[],
  realRoot: string,
): (abs: string) => Promise<string | undefined> {
  const planned = new Map<string, FileChange>();
  for (const change of changes) {
    planned.set(change.path, change);
    if (change.renamedFrom) planned.set(change.renamedFrom, change);
  }
  return async (abs) => {
    const rel = path.relative(realRoot, abs).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    const change = planned.get(rel);
    if (change?.after?.kind === 'file') return decodeText(change.after.bytes).text;
    const text = repo.read(rel);
    if (text === undefined || !/\.pyi?$/.test(rel)) return text;
    try {
      return await rewriteFile(
        text,
        rel,
        'python',
        set,
        options,
        () => {},
        () => {},
      );
    } catch {
      return text;
    }
  };
}

/**
 * The package as the move leaves it: a file a retargeted link or entry provides stays where that
 * provider puts it; a file under a provider that does not follow it (a link to `shared/`) moves
 * within the package, or leaves it when it moves out of the provider's source.
 */
function packageAfter(
  set: RuleSet,
  plan: PackagePlan,
  providers: readonly ProviderMove[],
  changes: readonly FileChange[],
  realRoot: string,
): PackagePlan {
  const files = new Map<string, PackageFile>();
  const own: ProviderMove = {
    packageDir: plan.rel,
    rel: '',
    relAfter: '',
    source: plan.rel,
    sourceAfter: plan.rel,
    retargeted: false,
  };
  const under = (p: string, dir: string) => dir === '' || p === dir || p.startsWith(`${dir}/`);
  const providerOf = (file: PackageFile) =>
    file.via === 'entry'
      ? providers.find((p) => p.manifest === joinRel(plan.rel, file.manifest ?? '') && p.entryTo === file.entryTo)
      : providers.filter((p) => !p.manifest && under(file.rel, p.rel)).sort((a, b) => b.rel.length - a.rel.length)[0];
  const place = (file: PackageFile, rel: string, source: string) =>
    files.set(rel, { ...file, rel, abs: path.join(realRoot, source) });
  for (const file of plan.files.values()) {
    const provider = providerOf(file) ?? own;
    if (provider.source === undefined) {
      files.set(file.rel, file);
      continue;
    }
    const tail = file.rel.slice(provider.rel.length);
    const before = provider.rel === '' && provider.source ? `${provider.source}/${tail}` : provider.source + tail;
    const moved = movedPath(set, before) ?? before;
    if (provider.retargeted) place(file, provider.relAfter + tail, moved);
    else if (moved === before) files.set(file.rel, file);
    else if (under(moved, provider.source))
      place(file, joinRel(provider.rel, relativeIn(moved, provider.source)), moved);
  }
  // a file moved into a folder the package links (or bundles) whole appears there
  for (const change of changes) {
    if (!change.renamedFrom || change.after?.kind !== 'file') continue;
    for (const provider of providers) {
      if (
        provider.retargeted ||
        provider.source === undefined ||
        !under(change.path, provider.source) ||
        under(change.renamedFrom, provider.source)
      )
        continue;
      if (provider.source === change.path && provider.rel) continue;
      place(
        { rel: '', abs: '', executable: change.after.executable, via: provider.manifest ? 'entry' : 'link' },
        joinRel(provider.rel, relativeIn(change.path, provider.source)),
        change.path,
      );
    }
  }
  return { ...plan, files };
}

const relativeIn = (p: string, dir: string) => (dir === '' ? p : p.slice(dir.length + 1));
