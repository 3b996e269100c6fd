// The fact cache on its own: what one run stores the next one reads, other versions never; a
// truncated or corrupt pack costs a recomputation, never a wrong answer; many packs merge into one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeFactCaches,
  flushFactCaches,
  NO_CACHE,
  openFactCache,
} from '../../../../../lib/engine/cache/fact-cache.js';
import { tempDir } from '../../../../helpers/tree.js';

const V1 = 'repomod 1.0.0 schema 1';

/** The pack files of the one version folder under `dir`. */
function packs(dir: string): string[] {
  const [version] = readdirSync(dir);
  return readdirSync(path.join(dir, version))
    .map((name) => path.join(dir, version, name))
    .sort();
}

/** A cache as the next run (a new process) opens it. */
function nextRun(dir: string, version = V1) {
  closeFactCaches();
  return openFactCache(dir, version);
}

afterEach(() => closeFactCaches());

describe('fact cache', () => {
  it('gives the next run what this run stored, under the same key only', () => {
    const dir = tempDir();
    const cache = openFactCache(dir, V1);
    expect(cache.get('facts', ['a.py', 'x = 1\n'])).toBeUndefined();
    cache.set('facts', ['a.py', 'x = 1\n'], { problems: [], scan: { classes: ['A'] } });
    flushFactCaches();

    const next = nextRun(dir);
    expect(next.get('facts', ['a.py', 'x = 1\n'])).toEqual({ problems: [], scan: { classes: ['A'] } });
    expect(next.get('facts', ['a.py', 'x = 2\n'])).toBeUndefined();
    expect(next.get('facts', ['b.py', 'x = 1\n'])).toBeUndefined();
    expect(next.get('other-kind', ['a.py', 'x = 1\n'])).toBeUndefined();
    expect(next.stats).toEqual({ hits: 1, misses: 3, writes: 0 });
  });

  it('never reads what another version stored, and removes it when it writes', () => {
    const dir = tempDir();
    openFactCache(dir, V1).set('facts', ['a.py'], 1);
    flushFactCaches();
    const upgraded = nextRun(dir, 'repomod 1.0.1 schema 1');
    expect(upgraded.get('facts', ['a.py'])).toBeUndefined();
    upgraded.set('facts', ['a.py'], 2);
    flushFactCaches();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(nextRun(dir, 'repomod 1.0.1 schema 1').get('facts', ['a.py'])).toBe(2);
  });

  it('reads a corrupt entry as a miss and the rewritten one as a hit', () => {
    const dir = tempDir();
    const cache = openFactCache(dir, V1);
    cache.set('facts', ['a.py'], { value: 'first' });
    cache.set('facts', ['b.py'], { value: 'second' });
    flushFactCaches();
    const [pack] = packs(dir);
    // one flipped byte inside a.py's entry: still JSON, but not what was written
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('"first"', '"firsT"'));

    const next = nextRun(dir);
    expect(next.get('facts', ['a.py'])).toBeUndefined();
    expect(next.get('facts', ['b.py'])).toEqual({ value: 'second' });
    next.set('facts', ['a.py'], { value: 'first' });
    flushFactCaches();
    expect(nextRun(dir).get('facts', ['a.py'])).toEqual({ value: 'first' });
  });

  it('keeps the whole entries of a pack cut short and misses the one cut', () => {
    const dir = tempDir();
    const cache = openFactCache(dir, V1);
    cache.set('facts', ['a.py'], { value: 'a'.repeat(200) });
    cache.set('facts', ['b.py'], { value: 'b'.repeat(200) });
    flushFactCaches();
    const [pack] = packs(dir);
    const text = readFileSync(pack, 'utf8');
    writeFileSync(pack, text.slice(0, text.length - 50));

    const next = nextRun(dir);
    const found = [next.get('facts', ['a.py']), next.get('facts', ['b.py'])].filter(Boolean);
    expect(found).toHaveLength(1);
    expect(next.stats).toEqual({ hits: 1, misses: 1, writes: 0 });
  });

  it('merges packs into one once there are too many, keeping every entry', () => {
    const dir = tempDir();
    for (let run = 0; run < 9; run++) {
      nextRun(dir).set('facts', [`f${run}.py`], run);
      flushFactCaches();
    }
    expect(packs(dir)).toHaveLength(9);
    nextRun(dir).get('facts', ['f0.py']);
    openFactCache(dir, V1).set('facts', ['f9.py'], 9);
    flushFactCaches();
    expect(packs(dir)).toHaveLength(1);
    const merged = nextRun(dir);
    for (let run = 0; run < 10; run++) expect(merged.get('facts', [`f${run}.py`])).toBe(run);
  });

  it('stores nothing when off', () => {
    expect(openFactCache(undefined, V1)).toBe(NO_CACHE);
    NO_CACHE.set('facts', ['a.py'], 1);
    expect(NO_CACHE.get('facts', ['a.py'])).toBeUndefined();
  });
});
