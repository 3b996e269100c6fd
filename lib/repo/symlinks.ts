// Find and classify symlinks: file, directory, chain, broken, escaping, cyclic. Each hop is
// resolved by hand (like the kernel does), so a loop or a typo is named instead of being an ELOOP.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RepoIndex, SymlinkEntry } from './repo-index.js';
import { byOrdinalKey } from '../order.js';
import { editDistance } from '../text/edit-distance.js';

export type LinkKind = 'file' | 'directory' | 'broken' | 'escaping' | 'cyclic';

/** One classified link. Paths inside the repository are repo-relative; outside, absolute. */
export interface LinkInfo {
  path: string;
  /** The raw target, as `readlink` returns it. */
  target: string;
  kind: LinkKind;
  /** Links followed to get to the end, the link itself first; more than one is a chain. */
  hops: string[];
  /** Where the link ends up (file or directory). Absent for broken and looping links. */
  resolved?: string;
  /** Absolute real path of `resolved`. */
  resolvedAbs?: string;
  /** For `escaping` links: what the outside target is. */
  targetIsDirectory?: boolean;
  /** File links: the target's executable bit (owner x, as git reads it). */
  executable?: boolean;
  /** Broken links: the first path along the way that does not exist. */
  missing?: string;
  /** Broken links: an existing name next to the missing one that looks like a typo of it. */
  suggestion?: string;
  /** Cyclic links: the loop, first link repeated at the end (`[link, ancestor]` when it contains itself). */
  cycle?: string[];
  /** Cyclic links: the link points to a directory that contains the link itself. */
  containsItself?: boolean;
}

/** Linux and macOS stop at 40 links in one resolution (ELOOP); so do we. */
const MAX_HOPS = 40;

class MissingPath extends Error {
  constructor(readonly at: string) {
    super(`missing: ${at}`);
  }
}

class TooManyHops extends Error {}

interface HopTrace {
  hops: string[];
}

/**
 * Resolve `input` (relative to the real directory `base`, or absolute) one component at a time,
 * following every link met and recording it in `trace`. Returns the real absolute path.
 * @throws MissingPath at the first component that does not exist; TooManyHops on a loop.
 */
function resolveComponents(input: string, base: string, trace: HopTrace): string {
  let current = path.isAbsolute(input) ? path.parse(base).root : base;
  for (const part of input.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    // `current` is always real, so `..` is its plain parent, as the kernel sees it
    if (part === '..') {
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    let stat;
    try {
      stat = lstatSync(next);
    } catch {
      throw new MissingPath(next);
    }
    if (stat.isSymbolicLink()) {
      if (trace.hops.length >= MAX_HOPS) throw new TooManyHops();
      trace.hops.push(next);
      current = resolveComponents(readlinkSync(next), current, trace);
    } else {
      current = next;
    }
  }
  return current;
}

/** Resolves and classifies links relative to one repository root. */
export class LinkResolver {
  /** The root's real path: escaping is decided on real paths. */
  readonly realRoot: string;

  constructor(root: string) {
    this.realRoot = realpathSync(root);
  }

  /** True when a real absolute path lies inside the repository. */
  inside(abs: string): boolean {
    return abs === this.realRoot || abs.startsWith(this.realRoot + path.sep);
  }

  /** Repo-relative `/` path when inside, the absolute path otherwise. */
  display(abs: string): string {
    if (!this.inside(abs)) return abs;
    return path.relative(this.realRoot, abs).split(path.sep).join('/') || '.';
  }

  /** Classify the link at repo-relative `relPath` (its parent directories must be real). */
  classify(relPath: string, target?: string): LinkInfo {
    return this.classifyAbsolute(path.join(this.realRoot, relPath), relPath, target);
  }

  /**
   * Classify a link anywhere (`linkAbs` need not be inside the repository; its directory
   * must be real). `shownAs` is how the link is named in the result.
   */
  classifyAbsolute(linkAbs: string, shownAs: string, target = readlinkSync(linkAbs)): LinkInfo {
    const trace: HopTrace = { hops: [] };
    const info: LinkInfo = { path: shownAs, target, kind: 'file', hops: [] };
    let real: string;
    try {
      real = resolveComponents(path.basename(linkAbs), path.dirname(linkAbs), trace);
    } catch (error) {
      info.hops = trace.hops.map((h) => this.display(h));
      if (error instanceof MissingPath) {
        info.kind = 'broken';
        info.missing = this.display(error.at);
        info.suggestion = nearestSibling(error.at);
        return info;
      }
      if (error instanceof TooManyHops) {
        info.kind = 'cyclic';
        info.cycle = loopOf(info.hops);
        return info;
      }
      throw error;
    }
    info.hops = trace.hops.map((h) => this.display(h));
    info.resolved = this.display(real);
    info.resolvedAbs = real;
    let isDirectory: boolean;
    try {
      const stat = statSync(real);
      isDirectory = stat.isDirectory();
      if (!isDirectory) info.executable = (stat.mode & 0o100) !== 0;
    } catch {
      // resolved but unreadable (permissions): as good as missing for a copy
      info.kind = 'broken';
      info.missing = info.resolved;
      return info;
    }
    if (isDirectory && (linkAbs === real || linkAbs.startsWith(real + path.sep))) {
      // a directory link to its own ancestor: copying it would never end
      info.kind = 'cyclic';
      info.containsItself = true;
      info.cycle = [shownAs, info.resolved];
      return info;
    }
    if (!this.inside(real)) {
      info.kind = 'escaping';
      info.targetIsDirectory = isDirectory;
      return info;
    }
    info.kind = isDirectory ? 'directory' : 'file';
    return info;
  }
}

/** The repeating part of a hop list that ran out of hops: `a → b → a`. */
function loopOf(hops: string[]): string[] {
  for (let i = 0; i < hops.length; i++) {
    const again = hops.indexOf(hops[i], i + 1);
    if (again !== -1) return hops.slice(i, again + 1);
  }
  return hops.slice(0, 3);
}

/** An existing sibling whose name is a likely typo of the missing one (`espon_x` for `espn_x`). */
export function nearestSibling(missingAbs: string): string | undefined {
  const dir = path.dirname(missingAbs);
  const name = path.basename(missingAbs);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(name, candidate);
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 4));
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best && path.join(dir, best.name);
}

/** True when repo-relative `file` is `dir` itself or lies under it ('' is the whole repository). */
export function isUnder(file: string, dir: string): boolean {
  const clean = dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean === '' || file === clean || file.startsWith(`${clean}/`);
}

/**
 * Every link the repository's discovery met under `paths` (repo-relative; none means the whole
 * repository), classified. Directory links are never walked into: discovery does not follow them.
 * @example
 *   findSymlinks(repo, ['functions']) // [{ path: 'functions/fn_a/shared', kind: 'directory', … }]
 */
export function findSymlinks(repo: RepoIndex, paths: readonly string[] = []): LinkInfo[] {
  const resolver = repo.memo('link-resolver', (r) => new LinkResolver(r.root));
  const inScope = (entry: SymlinkEntry) => paths.length === 0 || paths.some((p) => isUnder(entry.path, p));
  return [...repo.symlinks]
    .filter(inScope)
    .sort(byOrdinalKey((x) => x.path))
    .map((entry) => resolver.classify(entry.path, entry.target));
}
