// RepoIndex: what a transform may know about the rest of the repository, built once per run
// (once per worker thread) from the engine's file discovery. Expensive views are memoised.
import { readFileSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/file-size.js';
import { decodeText } from '../engine/files.js';
import { PythonModules } from './python-modules.js';

export interface SymlinkEntry {
  /** Repo-relative path of the link itself. */
  path: string;
  /** The link's raw target, as `readlink` returns it. */
  target: string;
}

/** What the engine hands to worker threads: plain data, cheap to clone. */
export interface RepoSnapshot {
  root: string;
  files: string[];
  symlinks: SymlinkEntry[];
  /** Extra Python source roots given with `--source-root` (repo-relative). */
  sourceRoots?: string[];
  /** Files larger than this (bytes) are never read or parsed (`--max-file-size`). */
  maxFileSize?: number;
  /** Folder of the persistent fact cache (absolute); undefined: no cache (`--no-cache`). */
  cacheDir?: string;
}

/**
 * Characters of already-processed text a RepoIndex keeps for later `read`s: a few hundred typical
 * files, so a small repository is read once; past it a re-read costs a disk read, not a parse.
 */
export const REMEMBER_BUDGET = 1024 * 1024;

export class RepoIndex {
  readonly root: string;
  /** Repo-relative `/` paths of every regular file discovered (not ignored), sorted. */
  readonly files: readonly string[];
  readonly symlinks: readonly SymlinkEntry[];
  readonly extraSourceRoots: readonly string[];
  readonly maxFileSize: number;
  readonly cacheDir: string | undefined;
  private readonly fileSet: Set<string>;
  private readonly textCache = new Map<string, string | undefined>();
  /** Characters kept by `remember`, for its budget. */
  private remembered = 0;
  private readonly memos = new Map<string, unknown>();

  constructor(snapshot: RepoSnapshot) {
    this.root = snapshot.root;
    this.files = [...snapshot.files].sort();
    this.symlinks = snapshot.symlinks;
    this.extraSourceRoots = snapshot.sourceRoots ?? [];
    this.maxFileSize = snapshot.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.cacheDir = snapshot.cacheDir;
    this.fileSet = new Set(this.files);
  }

  snapshot(): RepoSnapshot {
    return {
      root: this.root,
      files: [...this.files],
      symlinks: [...this.symlinks],
      sourceRoots: [...this.extraSourceRoots],
      maxFileSize: this.maxFileSize,
      cacheDir: this.cacheDir,
    };
  }

  /** Absolute path of a repo-relative one. */
  absolute(relPath: string): string {
    return path.join(this.root, relPath);
  }

  /** Repo-relative `/` path of an absolute or cwd-relative one. */
  relative(anyPath: string): string {
    return path.relative(this.root, path.resolve(anyPath)).split(path.sep).join('/');
  }

  /** True when discovery listed this regular file (so it is not ignored). */
  hasFile(relPath: string): boolean {
    return this.fileSet.has(relPath);
  }

  /** True when something exists at this path on disk, ignored or not (links are not followed). */
  existsOnDisk(relPath: string): boolean {
    try {
      lstatSync(this.absolute(relPath));
      return true;
    } catch {
      return false;
    }
  }

  isDirectory(relPath: string): boolean {
    try {
      return statSync(this.absolute(relPath)).isDirectory();
    } catch {
      return false;
    }
  }

  /** A file's text (BOM removed), cached; undefined when unreadable, binary, not a regular file or over the size limit. */
  read(relPath: string): string | undefined {
    if (!this.textCache.has(relPath)) {
      let text: string | undefined;
      try {
        const stat = lstatSync(this.absolute(relPath));
        if (!stat.isFile() || stat.size > this.maxFileSize) throw new Error('not read');
        const decoded = decodeText(readFileSync(this.absolute(relPath)));
        text = decoded.binary ? undefined : decoded.text;
      } catch {
        text = undefined;
      }
      this.textCache.set(relPath, text);
    }
    return this.textCache.get(relPath);
  }

  /**
   * The engine read and decoded this file already (as `read` would): keep its text instead of
   * reading it again, while the texts kept this way stay under `REMEMBER_BUDGET` characters.
   * Most runs never read a processed file again (a TS rewrite), and keeping every text held the
   * whole corpus in each thread's heap (35 MB over 7,000 files: with two workers, a peak of 204 MiB
   * at an 8 Mi budget, 184 MiB at 1 Mi); past the budget `read` goes to disk.
   */
  remember(relPath: string, text: string): void {
    if (this.textCache.has(relPath) || this.remembered + text.length > REMEMBER_BUDGET) return;
    this.remembered += text.length;
    this.textCache.set(relPath, text);
  }

  /** Compute once per index and reuse: class indexes, module maps, import graphs. */
  memo<T>(key: string, build: (repo: RepoIndex) => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build(this));
    return this.memos.get(key) as T;
  }

  /** Python module ⇄ file map over the auto-detected source roots. */
  get python(): PythonModules {
    return this.memo('python-modules', (repo) => new PythonModules(repo));
  }
}
