// The persistent cache of per-file facts (what a parse tells the checks about one file), so a
// file that did not change is not parsed again by the next run. It is repomod's own state, never
// a repository write. Entries live in pack files, one written per run with what that run
// computed (thousands of small files cost more to create than the parses they save): each pack
// is written to a temp name and renamed, never changed afterwards, and each entry in it carries
// its key and a checksum, so a truncated or corrupt entry reads as a miss and is written again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files.js';

const PACK_HEADER = 'repomod-cache-pack 1\n';
/** More packs than this are merged into one by the next run that writes. */
const MAX_PACKS = 8;
/** Lookups answered by searching the packs' text before they are indexed line by line. */
const SCANNED_LOOKUPS = 32;
/** A merged pack keeps what this run used, then older entries up to this size. */
const MAX_PACK_BYTES = 64 * 2 ** 20;

export interface FactCache {
  /** The folder packs live in (under a subfolder per code version), or undefined when off. */
  readonly dir: string | undefined;
  /** A stored value for `parts` (hashed together into the key), or undefined. */
  get<T>(kind: string, parts: readonly string[]): T | undefined;
  /** Keep a value; it reaches the disk when the run flushes (`flushFactCaches`). */
  set(kind: string, parts: readonly string[], value: unknown): void;
  /** Hits, misses and entries written so far, for tests and measurements. */
  readonly stats: { hits: number; misses: number; writes: number };
}

/** The cache that stores nothing (`--no-cache`). */
export const NO_CACHE: FactCache = {
  dir: undefined,
  get: () => undefined,
  set: () => undefined,
  stats: { hits: 0, misses: 0, writes: 0 },
};

const opened = new Map<string, DiskFactCache>();

/**
 * The cache in `dir` for facts computed by code whose identity is `version` (repomod's version,
 * the schema and the code that computes the facts): other versions' packs are never read, and
 * are removed when a new version first writes.
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

/**
 * Write what this thread computed since the last flush, one new pack per cache, when it holds at
 * least `minimum` entries; merge packs when there are too many. Never throws: a cache that
 * cannot be written is a slower next run.
 */
export function flushFactCaches(minimum = 1): void {
  for (const cache of opened.values()) cache.flush(minimum);
}

interface Candidate {
  sum: string;
  body: string;
}

class DiskFactCache implements FactCache {
  readonly stats = { hits: 0, misses: 0, writes: 0 };
  private readonly versionDir: string;
  /** Entries of the packs on disk, read on first use: key ➔ candidates (a corrupt one may be followed by a good one). */
  private stored: Map<string, Candidate[]> | undefined;
  private packsRead: string[] = [];
  private texts: string[] | undefined;
  private lookups = 0;
  /** What this process computed (written or not yet), and the keys not yet written. */
  private readonly mine = new Map<string, Candidate>();
  private readonly pending = new Set<string>();
  private readonly used = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly version: string,
  ) {
    this.versionDir = path.join(dir, `v-${createHash('sha256').update(version).digest('hex').slice(0, 16)}`);
  }

  get<T>(kind: string, parts: readonly string[]): T | undefined {
    const key = entryKey(this.version, kind, parts);
    const own = this.mine.get(key);
    const candidates = own ? [own] : this.candidates(key);
    for (const candidate of candidates) {
      const value = decodeBody(candidate);
      if (value === undefined) continue;
      this.stats.hits++;
      this.used.add(key);
      return value as T;
    }
    this.stats.misses++;
    return undefined;
  }

  set(kind: string, parts: readonly string[], value: unknown): void {
    const key = entryKey(this.version, kind, parts);
    const body = JSON.stringify(value);
    this.mine.set(key, { sum: checksum(body), body });
    this.pending.add(key);
    this.used.add(key);
  }

  flush(minimum = 1): void {
    if (this.pending.size === 0 || this.pending.size < minimum) return;
    try {
      mkdirSync(this.versionDir, { recursive: true });
      this.removeOtherVersions();
      const merge = this.packsRead.length >= MAX_PACKS;
      // a merged pack replaces every pack read, this process's earlier ones included
      const keys = merge ? [...this.mine.keys()] : [...this.pending];
      const lines = keys.map((key) => entryLine(key, this.mine.get(key)!));
      if (merge) lines.push(...this.olderLines(lines.reduce((n, l) => n + l.length, 0)));
      const name = `pack-${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
      // a whole pack appears at once under its name; a concurrent run writes its own
      writeFileAtomic(path.join(this.versionDir, name), Buffer.from(PACK_HEADER + lines.join(''), 'utf8'), 0o644, {
        durable: false,
      });
      this.stats.writes += this.pending.size;
      this.pending.clear();
      if (merge) {
        // the merged pack holds what they held; a run reading them meanwhile has them open or misses
        for (const pack of this.packsRead) rmSync(path.join(this.versionDir, pack), { force: true });
        this.packsRead = [name];
      } else {
        this.packsRead.push(name);
      }
    } catch {
      // a read-only or full disk: the facts are recomputed next time
    }
  }

  /** Entries of the packs read, for a merged pack: those this run used first, then others up to the size limit. */
  private olderLines(budgetUsed: number): string[] {
    const lines: string[] = [];
    let size = budgetUsed;
    const ordered = [...this.load()].sort(([a], [b]) => Number(this.used.has(b)) - Number(this.used.has(a)));
    for (const [key, candidates] of ordered) {
      if (this.mine.has(key)) continue;
      const good = candidates.find((c) => checksum(c.body) === c.sum);
      if (!good) continue;
      const line = entryLine(key, good);
      if (size + line.length > MAX_PACK_BYTES && !this.used.has(key)) continue;
      size += line.length;
      lines.push(line);
    }
    return lines;
  }

  /**
   * The stored entries for a key. The first few lookups search the packs' text (a one-file check
   * asks for a handful of the thousands of entries); after that, every line is indexed once.
   */
  private candidates(key: string): Candidate[] {
    if (this.stored || ++this.lookups > SCANNED_LOOKUPS) return this.load().get(key) ?? [];
    const found: Candidate[] = [];
    for (const text of this.packs()) {
      for (let at = text.indexOf(`\n${key} `); at >= 0; at = text.indexOf(`\n${key} `, at + 1)) {
        const end = text.indexOf('\n', at + 1);
        if (end < 0) break; // cut short
        const line = text.slice(at + 1, end);
        const second = line.indexOf(' ', key.length + 1);
        if (second > 0) found.push({ sum: line.slice(key.length + 1, second), body: line.slice(second + 1) });
      }
    }
    return found;
  }

  private load(): Map<string, Candidate[]> {
    if (this.stored) return this.stored;
    this.stored = new Map();
    for (const text of this.packs()) parsePack(text, this.stored);
    this.texts = [];
    return this.stored;
  }

  /** The text of every pack of this version (read once; a pack merged away meanwhile is skipped). */
  private packs(): string[] {
    if (this.texts) return this.texts;
    this.texts = [];
    let names: string[] = [];
    try {
      names = readdirSync(this.versionDir)
        .filter((n) => n.startsWith('pack-'))
        .sort();
    } catch {
      return this.texts;
    }
    for (const name of names) {
      let text: string;
      try {
        text = readFileSync(path.join(this.versionDir, name), 'utf8');
      } catch {
        continue;
      }
      this.packsRead.push(name);
      if (text.startsWith(PACK_HEADER)) this.texts.push(text);
    }
    return this.texts;
  }

  private removeOtherVersions(): void {
    const mine = path.basename(this.versionDir);
    for (const name of readdirSync(this.dir)) {
      if (name === mine || !name.startsWith('v-')) continue;
      // best effort: a run of another repomod version reading it meanwhile only sees misses
      rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }
}

/** `<key> <checksum> <json>\n`: JSON has no raw newline, so one entry is one line. */
function entryLine(key: string, candidate: Candidate): string {
  return `${key} ${candidate.sum} ${candidate.body}\n`;
}

/** Add each line of a pack to `into`; a line cut short or malformed is left out. */
export function parsePack(text: string, into: Map<string, Candidate[]>): void {
  let start = PACK_HEADER.length;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) break; // the last line lacks its newline: cut short
    const line = text.slice(start, end);
    start = end + 1;
    const first = line.indexOf(' ');
    const second = line.indexOf(' ', first + 1);
    if (first !== 64 || second < 0) continue;
    const key = line.slice(0, first);
    const list = into.get(key) ?? [];
    list.push({ sum: line.slice(first + 1, second), body: line.slice(second + 1) });
    into.set(key, list);
  }
}

function decodeBody(candidate: Candidate): unknown {
  if (checksum(candidate.body) !== candidate.sum) return undefined;
  try {
    return JSON.parse(candidate.body);
  } catch {
    return undefined;
  }
}

function checksum(body: string): string {
  return createHash('sha1').update(body).digest('hex');
}

function entryKey(version: string, kind: string, parts: readonly string[]): string {
  const hash = createHash('sha256').update(version).update('\0').update(kind);
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

/** Forget every opened cache (tests that reuse a folder between runs of one process). */
export function closeFactCaches(): void {
  flushFactCaches();
  opened.clear();
}
