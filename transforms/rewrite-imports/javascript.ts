// JS/TS: rewrite module specifiers found by transforms/rewrite-imports/specifiers.ts (oxc, else babel), replacing only the text between
// the quotes, so quote style, formatting and everything else stay byte for byte.
import path from 'node:path';
import { EditSet } from '../../lib/text/edit-set.js';
import {
  aliasCandidates,
  aliasesFor,
  isRelativeSpecifier,
  joinSpecifier,
  probe,
  relativeSpecifier,
  spellFile,
  spellWithAlias,
  splitPackageSpecifier,
  workspacePackages,
  type Resolved,
} from '../../lib/js/resolve.js';
import { resolveModule } from '../../lib/js/module-resolver.js';
import { scanSpecifiers, type ModuleSpecifier } from './specifiers.js';
import { reportAt, type RewriteContext } from './report.js';
import { futureTreeExists, mapPath, matchPackage, oldTreeExists, type RuleSet } from './rules.js';

/** Rewrite one JS/TS file; returns the new text (the same text when nothing applies). */
export function rewriteJavaScript(source: string, ctx: RewriteContext): string {
  const specifiers = scanSpecifiers(source, ctx.relPath);
  const edits = new EditSet(source);
  const trees: Trees = { old: oldTreeExists(ctx.set), future: futureTreeExists(ctx.set) };
  for (const spec of specifiers) {
    if (spec.value.startsWith('\0')) continue;
    const replacement = rewriteSpecifier(spec, ctx, trees);
    if (replacement !== undefined && replacement !== spec.value) edits.replace(spec.start, spec.end, replacement);
  }
  return edits.size ? edits.apply() : source;
}

/** Which files exist as the specifiers were written, and after the moves. */
interface Trees {
  old: (file: string) => boolean;
  future: (file: string) => boolean;
}

function rewriteSpecifier(spec: ModuleSpecifier, ctx: RewriteContext, trees: Trees): string | undefined {
  // './assets/logo.svg?url' ➔ '../assets/logo.svg?url': a query or hash rides along (a leading '#' is a subpath import)
  const cut = spec.value.slice(1).search(/[?#]/) + 1;
  const value = cut > 0 ? spec.value.slice(0, cut) : spec.value;
  const suffix = cut > 0 ? spec.value.slice(cut) : '';
  // /// <reference path="globals.d.ts" />: relative to the file even without './'
  const plainPath = spec.kind === 'reference-path' && !isRelativeSpecifier(value);
  const written = { ...spec, value: plainPath ? `./${value}` : value };
  const next = isRelativeSpecifier(written.value)
    ? rewriteRelative(written, ctx, trees)
    : rewriteBare(written, ctx, trees);
  if (next === undefined) return undefined;
  return (plainPath && next.startsWith('./') ? next.slice(2) : next) + suffix;
}

/** `../shared/utils/x` ➔ `../platform/utils/x`: resolve against where it was written, re-relativise from where it lives. */
function rewriteRelative(spec: ModuleSpecifier, ctx: RewriteContext, trees: Trees): string | undefined {
  let fromDir = path.posix.dirname(ctx.written);
  let joined = joinSpecifier(fromDir, spec.value);
  if (joined === undefined) return undefined;
  let resolved = probe(joined, trees.old);
  // moved before the run (`git mv`): a specifier that resolves where the file now is was written there
  if (ctx.written !== ctx.relPath) {
    const hereJoined = joinSpecifier(path.posix.dirname(ctx.relPath), spec.value);
    const here = hereJoined === undefined ? undefined : probe(hereJoined, (f) => ctx.set.repo.hasFile(f));
    if (here && hereJoined !== undefined) {
      fromDir = path.posix.dirname(ctx.relPath);
      joined = hereJoined;
      resolved = here;
    }
  }
  if (!resolved) {
    // names a moved path, but nothing is at the new place either: the rule's NEW is wrong
    const intended = mapPath(ctx.set, joined, ctx.relPath);
    if (intended && !intended.rule.oldExists && !probe(intended.result, (f) => ctx.set.repo.hasFile(f))) {
      // named from the repository root, as the target is: the same finding reads the same in every file
      reportAt(ctx, 'rewrite-imports/missing-module', spec.start - 1, {
        target: intended.result,
        original: joined,
        rule: intended.rule.label,
      });
    }
    return undefined;
  }
  const moved = mapPath(ctx.set, resolved.file, ctx.relPath);
  const target = moved?.result ?? resolved.file;
  checkForbiddenPath(ctx, spec, resolved.file, target);
  if (!moved && ctx.written === ctx.future) return undefined;
  // '../x/b' written in src/x (not the plain './b') still names src/x/b after the move: the author's
  // spelling stays. A plain spelling is re-spelled plainly from the new place, so a move back restores it.
  const plain = keepTrailingSlash(spec.value, relativeSpecifier(fromDir, spellFile(resolved.file, resolved)));
  if (spec.value !== plain && stillResolves(spec.value, path.posix.dirname(ctx.future), target, trees))
    return undefined;
  const next = relativeSpecifier(path.posix.dirname(ctx.future), spellFile(target, resolved));
  if (next === spec.value) return undefined;
  // import { x } from '../shared/utils/x' ➔ import { x } from '../platform/utils/x'
  ctx.count(moved?.rule.label ?? 'moved file');
  return keepTrailingSlash(spec.value, next);
}

/** Package rules (`@acme/core/x` ➔ `@acme/platform/core/x`), then tsconfig aliases into moved paths. */
function rewriteBare(spec: ModuleSpecifier, ctx: RewriteContext, trees: Trees): string | undefined {
  const match = matchPackage(ctx.set, spec.value, ctx.relPath);
  if (match) {
    checkForbiddenPackage(ctx, spec, match.result);
    ctx.count(match.rule.label);
    checkPackageExists(ctx, spec, match.result, match.rule.label);
    return match.result;
  }
  const aliases = aliasesFor(ctx.set.repo, ctx.relPath);
  let resolved: (Resolved & { key?: string; exact?: boolean }) | undefined;
  if (aliases) {
    for (const candidate of aliasCandidates(aliases, spec.value)) {
      const found = probe(candidate.path, trees.old);
      if (found) {
        resolved = { ...found, key: candidate.key, exact: candidate.exact };
        break;
      }
    }
  }
  if (!resolved) {
    checkForbiddenPackage(ctx, spec, undefined);
    return undefined;
  }
  const moved = mapPath(ctx.set, resolved.file, ctx.relPath);
  checkForbiddenPath(ctx, spec, resolved.file, moved?.result ?? resolved.file);
  if (!moved) return undefined;
  // '@env' ➔ '@env': an alias naming one file stays; its tsconfig `paths` entry follows the file (tsconfig-paths.ts)
  if (resolved.exact) return undefined;
  // '@/lib' still reaches the same file after the move: left as written
  if (aliasCandidates(aliases!, spec.value).some((c) => probe(c.path, trees.future)?.file === moved.result))
    return undefined;
  const spelled = spellFile(moved.result, resolved);
  // '@app/shared/utils/x' ➔ '@app/platform/utils/x' while an alias covers the new place, else a relative path
  // a bare baseUrl specifier ('shared/utils/x') stays one; an alias keeps its alias while one covers the new place
  const base = aliases?.baseUrl;
  const viaBaseUrl =
    resolved.key === undefined && base !== undefined && (base === '' || spelled.startsWith(`${base}/`))
      ? spelled.slice(base ? base.length + 1 : 0)
      : undefined;
  const next =
    viaBaseUrl ??
    (aliases && spellWithAlias(aliases, spelled, resolved.key)) ??
    relativeSpecifier(path.posix.dirname(ctx.future), spelled);
  if (next === spec.value) return undefined;
  ctx.count(moved.rule.label);
  return next;
}

/** The specifier, resolved from where the file will live in the tree after the moves, names `target`. */
function stillResolves(specifier: string, fromDir: string, target: string, trees: Trees): boolean {
  const joined = joinSpecifier(fromDir, specifier);
  return joined !== undefined && probe(joined, trees.future)?.file === target;
}

const keepTrailingSlash = (before: string, after: string) =>
  before.endsWith('/') && !after.endsWith('/') && !/\.[a-z]+$/.test(after) ? `${after}/` : after;

/** A rewritten workspace-package specifier must name something in that package. */
function checkPackageExists(ctx: RewriteContext, spec: ModuleSpecifier, result: string, rule: string): void {
  const packages = workspacePackages(ctx.set.repo);
  const [name, sub] = splitPackageSpecifier(result);
  const target = packages.get(name);
  if (!target) {
    // a package outside the repository is third-party, unless the rule moved one of ours out
    if (!packages.has(splitPackageSpecifier(spec.value)[0])) return;
  } else {
    // an exact `exports` entry is the package's word that the subpath exists, even while its target is a build output
    if (!sub || isExactExport(target.exports, sub)) return;
    const repo = ctx.set.repo;
    // asked from inside the package, '@acme/platform/util' is a self-reference: its `exports`
    // (conditions, patterns, null exclusions, './x.js' for x.ts) decide, with no install needed.
    // Without `exports` Node reads the subpath as a file, which the probe below does on the index.
    if (target.exports !== undefined && resolveModule(repo, target.dir, result) !== undefined) return;
    // ours on purpose: a subpath the package holds as source ('src/http.ts' for '@acme/platform/http')
    // counts, as before a build or under a bundler alias; only a name with nothing behind it is missing
    const base = target.dir ? `${target.dir}/${sub}` : sub;
    const inRepo = (p: string) => repo.hasFile(p);
    if (probe(base, inRepo) || probe(target.dir ? `${target.dir}/src/${sub}` : `src/${sub}`, inRepo)) return;
  }
  reportAt(ctx, 'rewrite-imports/missing-module', spec.start - 1, { target: result, original: spec.value, rule });
}

/** `"./util": …` in a package's `exports` object, not excluded with null (patterns are the resolver's). */
function isExactExport(exports: unknown, sub: string): boolean {
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return false;
  return (exports as Record<string, unknown>)[`./${sub}`] != null;
}

/** Bans on package prefixes: `@acme/service-private` in `shared/**`. */
function checkForbiddenPackage(ctx: RewriteContext, spec: ModuleSpecifier, rewritten: string | undefined): void {
  for (const ban of ctx.set.forbids) {
    if (ban.path !== undefined || (ban.scope && !ban.scope(ctx.relPath))) continue;
    if (spec.value !== ban.prefix && !spec.value.startsWith(`${ban.prefix}/`)) continue;
    report(
      ctx,
      spec,
      ban,
      rewritten !== undefined && rewritten !== ban.prefix && !rewritten.startsWith(`${ban.prefix}/`)
        ? rewritten
        : undefined,
    );
  }
}

/** Bans on repository paths, checked on the file a relative or alias specifier resolves to. */
function checkForbiddenPath(ctx: RewriteContext, spec: ModuleSpecifier, file: string, target: string): void {
  for (const ban of ctx.set.forbids) {
    if (ban.path === undefined || (ban.scope && !ban.scope(ctx.relPath))) continue;
    const under = (p: string) =>
      p === ban.path || p.startsWith(`${ban.path}/`) || p.replace(/\.[^./]+$/, '') === ban.path;
    if (!under(file)) continue;
    report(ctx, spec, ban, under(target) ? undefined : target);
  }
}

function report(
  ctx: RewriteContext,
  spec: ModuleSpecifier,
  ban: RuleSet['forbids'][number],
  fixedTo: string | undefined,
): void {
  const values = {
    module: spec.value,
    scope: ban.scopeText,
    rule: ban.label,
    prefix: ban.prefix,
    target: fixedTo ?? '',
  };
  if (fixedTo !== undefined) reportAt(ctx, 'rewrite-imports/forbidden-import-fixed', spec.start - 1, values, 'warning');
  else reportAt(ctx, 'rewrite-imports/forbidden-import', spec.start - 1, values, 'error');
}
