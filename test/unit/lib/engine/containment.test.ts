// lib/engine/containment.ts: paths stay inside the root and off symlinked folders; only regular files
// are opened (real FIFOs, /dev/zero), and reads are bounded.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertRegularFile,
  ContainmentError,
  readRegularFile,
  resolveInside,
  specialFileType,
} from '../../../../lib/engine/containment.js';
import { makeFifo } from '../../../helpers/fifo.js';
import { tempDir } from '../../../helpers/tree.js';

/** root/ with pkg/mod.py, a link `out` to a folder outside, `inner` to a folder inside, `secret` to a file outside. */
function layout() {
  const base = tempDir();
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'pkg'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'pkg', 'mod.py'), 'x = 1\n');
  writeFileSync(path.join(outside, 'secret.txt'), 'token\n');
  symlinkSync('../outside', path.join(root, 'out'));
  symlinkSync('pkg', path.join(root, 'inner'));
  symlinkSync('../outside/secret.txt', path.join(root, 'secret'));
  return { root, outside };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContainmentError);
    return [(error as ContainmentError).reason, (error as Error).message, (error as ContainmentError).help];
  }
  return undefined;
};

describe('resolveInside', () => {
  it('returns the absolute path of a path inside the root, existing or not', () => {
    const { root } = layout();
    expect(resolveInside(root, 'pkg/mod.py')).toBe(path.join(root, 'pkg', 'mod.py'));
    expect(resolveInside(root, 'pkg/./new/../later.py')).toBe(path.join(root, 'pkg', 'later.py'));
    expect(resolveInside(root, 'missing/dir/file.py')).toBe(path.join(root, 'missing', 'dir', 'file.py'));
  });

  it.each([
    [
      'an inner ..',
      'tools/../../pwned/usercustomize.py',
      ['outside', "'tools/../../pwned/usercustomize.py' is outside the repository"],
    ],
    ['a leading ..', '../../../../etc/shadow', ['outside', "'../../../../etc/shadow' is outside the repository"]],
    ['an absolute path', '/etc/passwd', ['outside', "'/etc/passwd' is outside the repository"]],
    [
      'a symlinked folder leading outside',
      'out/mod.py',
      ['beyond-link', "'out/mod.py' is beyond a symbolic link ('out')"],
    ],
    [
      'a symlinked folder inside',
      'inner/mod.py',
      ['beyond-link', "'inner/mod.py' is beyond a symbolic link ('inner')"],
    ],
  ])('refuses %s, naming --allow-outside', (_label, rel, [reason, message]) => {
    const { root } = layout();
    expect(refusal(() => resolveInside(root, rel))).toEqual([
      reason,
      message,
      'pass --allow-outside to accept paths outside the repository',
    ]);
  });

  it('refuses a last component that links outside, accepts one that links inside', () => {
    const { root, outside } = layout();
    expect(refusal(() => resolveInside(root, 'secret'))?.[1]).toBe(
      `'secret' resolves to '${path.join(outside, 'secret.txt')}', outside the repository`,
    );
    expect(resolveInside(root, 'inner')).toBe(path.join(root, 'inner'));
  });

  it('accepts all of them with allowOutside', () => {
    const { root } = layout();
    expect(resolveInside(root, 'out/mod.py', { allowOutside: true })).toBe(path.join(root, 'out', 'mod.py'));
    expect(resolveInside(root, '/etc/passwd', { allowOutside: true })).toBe('/etc/passwd');
  });
});

describe('regular files only', () => {
  it(
    'refuses a FIFO without opening it (a blocking open is released by the watchdog and fails here)',
    { timeout: 5000 },
    () => {
      const dir = tempDir();
      const fifo = makeFifo(path.join(dir, 'pipe'));
      symlinkSync('pipe', path.join(dir, 'link'));
      expect(specialFileType(fifo)).toBe('FIFO');
      expect(refusal(() => assertRegularFile(fifo, 'pipe'))).toEqual([
        'not-regular',
        "'pipe' is not a regular file (FIFO)",
        'only regular files are read',
      ]);
      expect(refusal(() => readRegularFile(path.join(dir, 'link'), 1024, 'link'))?.[1]).toBe(
        "'link' is not a regular file (FIFO)",
      );
    },
  );

  it('refuses /dev/zero as a character device, reading nothing', { timeout: 5000 }, () => {
    expect(refusal(() => readRegularFile('/dev/zero', 1024))?.[1]).toBe(
      "'/dev/zero' is not a regular file (character device)",
    );
  });

  it('reads a regular file up to the limit and refuses a larger one', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'small'), 'abc');
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(2048));
    expect(readRegularFile(path.join(dir, 'small'), 3).toString()).toBe('abc');
    expect(refusal(() => readRegularFile(path.join(dir, 'big'), 1024, 'big'))?.slice(0, 2)).toEqual([
      'too-large',
      "'big' is too large (2048 bytes; the limit is 1024)",
    ]);
    expect(specialFileType(dir)).toBeUndefined();
    expect(specialFileType(path.join(dir, 'small'))).toBeUndefined();
  });
});
