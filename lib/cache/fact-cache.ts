// The persistent cache of per-file facts (what a parse tells the checks about one file), so a
// file that did not change is not parsed again by the next run. Entries are repomod's own state,
// never a repository write: each is one small file, written to a temp name and renamed, and
// carries its key and a checksum, so a truncated, corrupt or foreign entry reads as a miss.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files.js';

/** First line of every entry: `repomod-cache <key> <sha256 of the body>`. */
const MAGIC = 'repomod-cache';

export interface FactCache {
  /** The folder entries live in (under a subfolder per code version), or undefined when off. */
  readonly dir: string | undefined;
  /** A stored value for `parts` (hashed together into the key), or undefined. */
  get<T>(kind: string, parts: readonly string[]): T | undefined;
  /** Store a value; failures (a read-only disk, a full one) only mean the next run recomputes. */
  set(kind: string, parts: readonly string[], value: unknown): void;
  /** Hits and misses so far, for tests and `--verbose`. */
  readonly stats: { hits: number; misses: number; writes: number };
}

/** The cache that stores nothing (`--no-cache`). */
export const NO_CACHE: FactCache = {
  dir: undefined,
  get: () => undefined,
  set: () => undefined,
  stats: { hits: 0, misses: 0, writes: 0 },
};

const opened = new Map<string, FactCache>();

/**
 * The cache in `dir` for facts computed by code whose identity is `version` (repomod's version,
 * the schema and the code that computes the facts): entries of other versions are never read,
 * and their folders are removed when a new version first opens the cache.
 */
export function openFactCache(dir: string | undefined, version: string): FactCache {
  if (!dir) return NO_CACHE;
  const key = `${dir}\0${version}`;
  let cache = opened.get(key);
  if (!cache) {
    cache = new DiskFactCache(dir, version);
    opened.set(key, cache);
  }
  return cache;
}

class DiskFactCache implements FactCache {
  readonly stats = { hits: 0, misses: 0, writes: 0 };
  private readonly versionDir: string;
  private readonly made = new Set<string>();
  private pruned = false;

  constructor(
    readonly dir: string,
    private readonly version: string,
  ) {
    this.versionDir = path.join(dir, versionFolder(version));
  }

  get<T>(kind: string, parts: readonly string[]): T | undefined {
    const key = entryKey(this.version, kind, parts);
    let text: string;
    try {
      text = readFileSync(this.entryPath(kind, key), 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const value = decodeEntry(text, key);
    if (value === undefined) this.stats.misses++;
    else this.stats.hits++;
    return value as T | undefined;
  }

  set(kind: string, parts: readonly string[], value: unknown): void {
    const key = entryKey(this.version, kind, parts);
    const file = this.entryPath(kind, key);
    try {
      this.prune();
      const folder = path.dirname(file);
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      // a concurrent run may write the same entry: both write whole files and rename, last wins, same bytes
      writeFileAtomic(file, Buffer.from(encodeEntry(key, value), 'utf8'), 0o644, { durable: false });
      this.stats.writes++;
    } catch {
      // a cache that cannot be written is a slower run, never a failed one
    }
  }

  private entryPath(kind: string, key: string): string {
    return path.join(this.versionDir, kind, key.slice(0, 2), `${key.slice(2)}.entry`);
  }

  /** Remove the folders of other versions once, before the first write of this one. */
  private prune(): void {
    if (this.pruned) return;
    this.pruned = true;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const mine = path.basename(this.versionDir);
    for (const name of names) {
      if (name === mine || !name.startsWith('v-')) continue;
      // best effort: a run of another repomod version reading it meanwhile only sees misses
      rmSync(path.join(this.dir, name), { recursive: true, force: true, maxRetries: 2 });
    }
  }
}

/** The folder for a version: short, and only ever holding entries written by that version. */
function versionFolder(version: string): string {
  return `v-${createHash('sha256').update(version).digest('hex').slice(0, 16)}`;
}

function entryKey(version: string, kind: string, parts: readonly string[]): string {
  const hash = createHash('sha256').update(version).update('\0').update(kind);
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

export function encodeEntry(key: string, value: unknown): string {
  const body = JSON.stringify(value);
  return `${MAGIC} ${key} ${createHash('sha256').update(body).digest('hex')}\n${body}`;
}

/** The value of an entry, or undefined when it is not a whole entry for `key`. */
export function decodeEntry(text: string, key: string): unknown {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const [magic, storedKey, sum] = text.slice(0, newline).split(' ');
  if (magic !== MAGIC || storedKey !== key) return undefined;
  const body = text.slice(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== sum) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
