// A package move shaped like the users' consolidations, as FileChanges, for the write-layer tests:
// 200 modules renamed and rewritten, importers edited, a symlinked folder turned into copies,
// an executable script, a deletion. Plus a byte-exact picture of a tree, empty folders included.
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { FileChange } from '../../lib/engine/types.js';
import { tempDir } from './tree.js';

/** A temp folder for the write layer's tests (on tmpfs where there is one, as every tempDir). */
export function fastTempDir(): string {
  return tempDir('repomod-write-');
}

const file = (text: string, executable = false) => ({ kind: 'file' as const, bytes: Buffer.from(text), executable });

/** Write the original tree under `root` and return the changes that move `pkg/` to `lib/pkg/`. */
export function writeMoveScenario(root: string, modules = 200): FileChange[] {
  const put = (rel: string, text: string, mode = 0o644) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text, { mode });
  };
  const changes: FileChange[] = [];
  for (let i = 0; i < modules; i++) {
    const before = `from pkg.sub${i % 7} import m${(i + 1) % modules}\r\nVALUE_${i} = ${i}\n`;
    put(`pkg/sub${i % 7}/m${i}.py`, before);
    const after = before.replace('from pkg.', 'from lib.pkg.');
    changes.push({
      path: `lib/pkg/sub${i % 7}/m${i}.py`,
      renamedFrom: `pkg/sub${i % 7}/m${i}.py`,
      before: file(before),
      after: file(after),
    });
  }
  for (let i = 0; i < 20; i++) {
    const before = `import pkg.sub1.m1\ndef f():\n    from pkg.sub2 import m2  # lazy\n    return m2`;
    put(`app/views${i}.py`, before);
    changes.push({
      path: `app/views${i}.py`,
      before: file(before),
      after: file(before.replaceAll('pkg.', 'lib.pkg.')),
    });
  }
  put('bin/run.sh', '#!/bin/sh\npython -m pkg.sub0.m0\n', 0o755);
  changes.push({
    path: 'bin/run.sh',
    before: file('#!/bin/sh\npython -m pkg.sub0.m0\n', true),
    after: file('#!/bin/sh\npython -m lib.pkg.sub0.m0\n', true),
  });
  put('shared/config.py', 'X = 1\n');
  mkdirSync(path.join(root, 'fn'));
  symlinkSync('../shared', path.join(root, 'fn/shared'));
  changes.push({ path: 'fn/shared', before: { kind: 'symlink', target: '../shared' }, after: null });
  changes.push({ path: 'fn/shared/config.py', before: null, after: file('X = 1\n') });
  put('obsolete.py', 'import pkg\n');
  changes.push({ path: 'obsolete.py', before: file('import pkg\n'), after: null });
  return changes;
}

export type Picture = Record<string, string>;

/** Every path under `root` (`.git` aside): folders, file bytes with mode bits, link targets; FIFOs are never opened. */
export function pictureOf(root: string, skip: (rel: string) => boolean = (rel) => rel === '.git'): Picture {
  const picture: Picture = {};
  const visit = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (skip(child)) continue;
      const stat = lstatSync(path.join(root, child));
      if (stat.isSymbolicLink()) picture[child] = `link ${readlinkSync(path.join(root, child))}`;
      else if (stat.isDirectory()) {
        picture[child] = 'dir';
        visit(child);
      } else if (!stat.isFile()) picture[child] = 'special';
      else
        picture[child] =
          `${(stat.mode & 0o777).toString(8)} ${readFileSync(path.join(root, child)).toString('base64')}`;
    }
  };
  visit('');
  return picture;
}

/** Replace `dest`'s contents with a copy of `source`. */
export function resetTree(source: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  cpSync(source, dest, { recursive: true, verbatimSymlinks: true });
}
