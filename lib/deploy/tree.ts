// Reading a directory the way `rsync -aL` copies it: links dereferenced, loops refused, and
// what a copy must never carry (__pycache__, .pyc, .git, git-ignored files) left out.
import { createHash } from 'node:crypto';
import { accessSync, constants, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileTypeOf, specialFileType } from '../engine/containment.js';
import type { RepoIndex } from '../repo/repo-index.js';
import { LinkResolver, type LinkInfo } from '../repo/symlinks.js';

/** Never copied, wherever they are. */
const SKIPPED_NAMES = new Set(['__pycache__', '.git', 'node_modules', '.venv', 'venv', '.mypy_cache', '.pytest_cache']);
const SKIPPED_SUFFIXES = ['.pyc', '.pyo'];

export const MANIFEST_NAME = 'repomod.bundle.json';

/** One regular file of a tree: where it goes (`rel`, relative to the tree) and where it comes from. */
export interface TreeFile {
  rel: string;
  /** Real absolute path of the content. */
  abs: string;
  executable: boolean;
  /** Reached through at least one link. */
  viaLink: boolean;
}

/**
 * What cannot be copied: a link (broken, looping, or leaving the repository), a FIFO, socket or
 * device (`special`, itself or as a link's target: never opened), or a folder that cannot be listed.
 */
export interface TreeProblem {
  rel: string;
  link?: LinkInfo;
  /** 'FIFO', 'socket', 'character device', …: what is there instead of a regular file. */
  special?: string;
  /** Why a folder could not be listed (EACCES, …). */
  unreadable?: string;
  /** A link to a file in the repository that discovery left out: git-ignored, or inside `.git/`. */
  ignored?: boolean;
}

/** A tree problem in words, for a diagnostic about `rel`. */
export function treeProblemText(problem: TreeProblem): string {
  if (problem.special) return `not a regular file (${problem.special}); never opened, so it is not copied`;
  if (problem.unreadable) return `folder cannot be read (${problem.unreadable}); its files are not copied`;
  if (problem.ignored) {
    const target = problem.link?.resolved ?? '';
    const why = target.split('/').includes('.git') ? "inside '.git/'" : 'git-ignored';
    return `link to '${target}', which is ${why}: never copied; commit it or remove the link`;
  }
  return `link problem: ${problem.link?.kind}`;
}

export interface TreeReadOptions {
  /** Copy what links outside the repository point to (otherwise each is a problem). */
  allowOutside?: boolean;
  /** Leave broken links out silently (their removal is planned elsewhere). */
  skipBroken?: boolean;
  /** Leave `repomod.bundle.json` files out and hand them to `onManifest` instead. */
  onManifest?: (dirRel: string, abs: string) => void;
}

export interface TreeRead {
  files: TreeFile[];
  problems: TreeProblem[];
  /** Real folders the copy comes from: the root and each directory link's target. */
  roots: string[];
}

/**
 * Decides what counts as part of the repository: inside it, what discovery listed (so
 * .gitignore and --ignore apply); outside it (with --allow-outside), everything not skipped by name.
 */
export class TreeReader {
  readonly resolver: LinkResolver;
  private readonly links: Set<string>;
  private readonly dirs: Set<string>;

  constructor(readonly repo: RepoIndex) {
    this.resolver = repo.memo('link-resolver', (r) => new LinkResolver(r.root));
    this.links = new Set(repo.symlinks.map((l) => l.path));
    this.dirs = repo.memo('discovered-dirs', (r) => {
      const dirs = new Set<string>(['']);
      for (const p of [...r.files, ...r.symlinks.map((l) => l.path)]) {
        for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
          const dir = p.slice(0, i);
          if (dirs.has(dir)) break;
          dirs.add(dir);
        }
      }
      return dirs;
    });
  }

  static skippedName(name: string): boolean {
    return SKIPPED_NAMES.has(name) || SKIPPED_SUFFIXES.some((s) => name.endsWith(s));
  }

  private included(abs: string, kind: 'file' | 'link' | 'dir'): boolean {
    if (!this.resolver.inside(abs)) return true;
    const rel = this.resolver.display(abs);
    if (kind === 'file') return this.repo.hasFile(rel);
    if (kind === 'link') return this.links.has(rel);
    return this.dirs.has(rel);
  }

  /** True when discovery saw anything under this real directory (false: it is ignored). */
  discovered(abs: string): boolean {
    return this.included(abs, 'dir');
  }

  /** Read the tree under the directory `rootAbs` (its real path is used), dereferencing links. */
  read(rootAbs: string, options: TreeReadOptions = {}): TreeRead {
    rootAbs = realpathSync(rootAbs);
    const files: TreeFile[] = [];
    const problems: TreeProblem[] = [];
    const roots = [rootAbs];
    const visit = (dirAbs: string, rel: string, stack: string[], viaLink: boolean) => {
      let entries;
      try {
        entries = readdirSync(dirAbs, { withFileTypes: true });
      } catch (error) {
        // a folder skipped without a word would make the copy silently incomplete
        problems.push({ rel, unreadable: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (TreeReader.skippedName(entry.name)) continue;
        const abs = path.join(dirAbs, entry.name);
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) {
          if (!this.included(abs, 'link')) continue;
          const link = this.resolver.classifyAbsolute(abs, this.resolver.display(abs));
          if (link.kind === 'broken') {
            if (!options.skipBroken) problems.push({ rel: childRel, link });
            continue;
          }
          if (link.kind === 'cyclic' || (link.kind === 'escaping' && !options.allowOutside)) {
            problems.push({ rel: childRel, link });
            continue;
          }
          const target = link.resolvedAbs!;
          const isDirectory = link.kind === 'directory' || (link.kind === 'escaping' && link.targetIsDirectory);
          if (isDirectory) {
            if (stack.some((s) => s === target || s.startsWith(target + path.sep))) {
              // points back to a directory being copied: a loop through the tree
              problems.push({
                rel: childRel,
                link: { ...link, kind: 'cyclic', containsItself: true, cycle: [link.path, link.resolved!] },
              });
              continue;
            }
            roots.push(target);
            visit(target, childRel, [...stack, target], true);
          } else if (specialFileType(target)) {
            problems.push({ rel: childRel, link, special: specialFileType(target) });
          } else if (this.resolver.inside(target) && !this.repo.hasFile(this.resolver.display(target))) {
            // a link to a git-ignored file or into .git/ (a local .env, a remote URL with a token)
            problems.push({ rel: childRel, link, ignored: true });
          } else if (entry.name === MANIFEST_NAME && options.onManifest) {
            options.onManifest(rel, target);
          } else {
            files.push({
              rel: childRel,
              abs: target,
              executable: link.executable ?? isExecutable(target),
              viaLink: true,
            });
          }
        } else if (entry.isDirectory()) {
          if (this.included(abs, 'dir')) visit(abs, childRel, [...stack, abs], viaLink);
          else if (!readable(abs)) problems.push({ rel: childRel, unreadable: 'EACCES' });
        } else if (entry.isFile()) {
          if (!this.included(abs, 'file')) continue;
          if (entry.name === MANIFEST_NAME && options.onManifest) {
            options.onManifest(rel, abs);
            continue;
          }
          files.push({ rel: childRel, abs, executable: isExecutable(abs), viaLink });
        } else {
          // a FIFO, socket or device: opening it could block forever
          let type = 'special file';
          try {
            type = fileTypeOf(lstatSync(abs));
          } catch {
            // gone since the listing: still not copied
          }
          problems.push({ rel: childRel, special: type });
        }
      }
    };
    visit(rootAbs, '', [rootAbs], false);
    return { files, problems, roots };
  }
}

/** True when the folder can be listed and entered (discovery skips one that cannot, without a word). */
function readable(abs: string): boolean {
  try {
    accessSync(abs, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function isExecutable(abs: string): boolean {
  try {
    return (statSync(abs).mode & 0o100) !== 0;
  } catch {
    return false;
  }
}

/**
 * A content hash of a tree: paths, executable bits and bytes, independent of where it lives.
 * A single file is a tree with one entry named ''.
 */
export function hashTree(files: readonly { rel: string; executable: boolean; bytes: Buffer }[]): string {
  const outer = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    const inner = createHash('sha256').update(file.bytes).digest('hex');
    outer.update(`${file.rel}\0${file.executable ? 'x' : '-'}\0${inner}\n`);
  }
  return `sha256:${outer.digest('hex')}`;
}

/** Read the bytes of every file of a tree, for hashing or copying. */
export function loadTree(files: readonly TreeFile[]): { rel: string; executable: boolean; bytes: Buffer }[] {
  return files.map((f) => ({ rel: f.rel, executable: f.executable, bytes: readFileSync(f.abs) }));
}
