// File discovery: walk the repository once, honouring .gitignore at every level,
// .git/info/exclude and --ignore; never walk into directory links; record every link.
import { existsSync, readdirSync, readFileSync, lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SymlinkEntry } from '../repo/repo-index.js';
import { UsageError } from './errors.js';
import { expandGlob, isGlob } from './globs.js';
import { notRegular, type FileOutcome } from './process-file.js';
import { byOrdinalKey } from '../order.js';

/** Never walked, whatever the ignore files say. */
export const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv']);

export interface DiscoveryOptions {
  root: string;
  /** Extra gitignore-style patterns, relative to the root (`--ignore`). */
  ignore?: readonly string[];
}

export interface Discovery {
  /** Every regular, not ignored file in the repository, repo-relative with `/`, sorted. */
  files: string[];
  /** Every symlink met while walking (links are never followed). */
  symlinks: SymlinkEntry[];
  /** Directories the walk could not list (permissions): repo-relative, with the error code. */
  unreadable?: { path: string; reason: string }[];
}

interface IgnoreLayer {
  /** Directory the patterns are relative to ('' = root). */
  base: string;
  rules: Ignore;
}

/** Walk the whole repository once. */
export function discoverRepository(options: DiscoveryOptions): Discovery {
  const { root } = options;
  const rootRules = ignore();
  const exclude = path.join(root, '.git', 'info', 'exclude');
  if (existsSync(exclude)) rootRules.add(readFileSync(exclude, 'utf8'));
  if (options.ignore?.length) rootRules.add([...options.ignore]);
  const files: string[] = [];
  const symlinks: SymlinkEntry[] = [];
  const unreadable: { path: string; reason: string }[] = [];

  // as in git, the deepest .gitignore with a matching rule decides, so `!keep.log` in a
  // folder re-includes what the root's `*.log` excluded
  const isIgnored = (layers: IgnoreLayer[], rel: string, isDir: boolean) => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i];
      const inner = layer.base ? rel.slice(layer.base.length + 1) : rel;
      if (inner === '') continue;
      const verdict = layer.rules.test(isDir ? `${inner}/` : inner);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  };

  const visit = (dirRel: string, layers: IgnoreLayer[]) => {
    const dirAbs = dirRel ? path.join(root, dirRel) : root;
    let entries;
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true });
    } catch (error) {
      // its files may hold exactly what should change: selectTargets reports it
      const { code, message } = error as NodeJS.ErrnoException;
      unreadable.push({
        path: dirRel || '.',
        reason: code ? `${code}: ${message.split(',')[0].replace(/^\w+: /, '')}` : message,
      });
      return;
    }
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (gitignore) {
      layers = [
        ...layers,
        { base: dirRel, rules: ignore().add(readFileSync(path.join(dirAbs, '.gitignore'), 'utf8')) },
      ];
    }
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(layers, rel, true)) continue;
        visit(rel, layers);
      } else if (entry.isSymbolicLink()) {
        if (isIgnored(layers, rel, false)) continue;
        symlinks.push({ path: rel, target: readlinkSync(path.join(dirAbs, entry.name)) });
      } else if (entry.isFile()) {
        if (!isIgnored(layers, rel, false)) files.push(rel);
      }
    }
  };
  visit('', [{ base: '', rules: rootRules }]);
  files.sort();
  symlinks.sort(byOrdinalKey((x) => x.path));
  return { files, symlinks, unreadable };
}

export interface TargetOptions {
  root: string;
  cwd: string;
  /** Files, directories or globs, relative to cwd. */
  paths: readonly string[];
  /** Extensions without dot; empty or undefined means all. */
  extensions?: readonly string[];
  /**
   * Receives what the command line names but cannot be processed: unreadable directories in
   * scope, FIFOs, sockets and devices (never opened), a directory named like a file that holds none.
   */
  skipped?: FileOutcome[];
  /**
   * Receives each selected file's path as the stock jscodeshift runner would spell it (its
   * `file.path`) where that differs from the cwd-relative path: a file as typed (`./a.js`, an
   * absolute path), a directory's files joined onto the directory as typed (`path.join`).
   */
  typedPaths?: Map<string, string>;
}

/**
 * The subset of discovered files the command line names. Paths that name nothing are a
 * usage error: a typo must not look like a clean run.
 */
export function selectTargets(discovery: Discovery, options: TargetOptions): string[] {
  const { root, cwd } = options;
  const toRel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const selected = new Set<string>();
  const known = new Set(discovery.files);
  const extensions = options.extensions?.length
    ? new Set(options.extensions.map((e) => e.replace(/^\./, '').toLowerCase()))
    : undefined;
  const wanted = (file: string) => !extensions || extensions.has(path.posix.extname(file).slice(1).toLowerCase());
  const skipped = new Map<string, FileOutcome>();
  // the first spelling of a file wins, as the first mention selects it
  const typed = (rel: string, spelled: string) => {
    if (!options.typedPaths || options.typedPaths.has(rel) || selected.has(rel)) return;
    if (spelled !== path.relative(cwd, path.join(root, rel))) options.typedPaths.set(rel, spelled);
  };
  for (const given of options.paths.length ? options.paths : ['.']) {
    if (isGlob(given)) {
      for (const match of expandGlob(given, cwd, { onlyFiles: true })) {
        const rel = toRel(path.resolve(cwd, match));
        if (!known.has(rel)) continue;
        typed(rel, match);
        selected.add(rel);
      }
      continue;
    }
    const abs = path.resolve(cwd, given);
    const rel = toRel(abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(
        `path '${given}' is outside the repository (${root})`,
        'run repomod from inside the repository you want to change',
      );
    }
    let stat;
    try {
      stat = lstatSync(abs); // a broken link is a path that exists (pre-commit passes staged links)
    } catch {
      throw new UsageError(`path '${given}' does not exist`, `check the spelling; paths are relative to ${cwd}`);
    }
    if (stat.isDirectory()) {
      const prefix = rel === '' ? '' : `${rel}/`;
      const inside = discovery.files.filter((file) => file.startsWith(prefix));
      // a directory typed as its cwd-relative path spells each file as that path too: the
      // per-file path arithmetic (most of this function's time on 2,000 files) can only find that
      const spelledAsRelative = path.join(given, PROBE) === path.join(path.relative(cwd, abs), PROBE);
      for (const file of inside) {
        if (!spelledAsRelative) typed(file, path.join(given, file.slice(prefix.length)));
        selected.add(file);
      }
      for (const dir of discovery.unreadable ?? []) {
        if (rel === '' || dir.path === rel || dir.path.startsWith(prefix))
          skipped.set(dir.path, unreadableDirectory(dir.path, dir.reason));
      }
      // `x.py/` named as if it were a file, holding nothing to check: "0 changed" would look like a pass
      if (rel !== '' && wanted(rel) && !inside.some(wanted) && !skipped.has(rel))
        skipped.set(rel, notRegular(rel, stat));
    } else if (known.has(rel)) {
      typed(rel, given);
      selected.add(rel);
    } else if (!stat.isFile() && !stat.isSymbolicLink()) {
      skipped.set(rel, notRegular(rel, stat));
    }
  }
  options.skipped?.push(...skipped.values());
  return [...selected].filter(wanted).sort();
}

/**
 * A path segment joined onto two spellings of a directory: the joins agree exactly when every
 * file below (a normalised relative path) would be spelled the same under both.
 */
const PROBE = 'file';

function unreadableDirectory(rel: string, reason: string): FileOutcome {
  const message = `cannot read the directory (${reason}); its files were not checked: fix its permissions, or --ignore it`;
  return {
    path: rel,
    status: 'failed',
    error: message,
    diagnostics: [{ path: rel, line: 1, column: 1, severity: 'error', code: 'read-error', message }],
  };
}
