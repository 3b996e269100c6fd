// The patch renderer against real git: every change kind, applied with `git apply`, must give
// exactly the tree that applyChanges writes.
import { chmodSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../lib/engine/apply.js';
import { renderPatch, quotePath } from '../../../../lib/engine/diff.js';
import type { FileChange, FileState } from '../../../../lib/engine/types.js';
import { git, initRepo, snapshotTree, tempDir } from '../../../helpers/tree.js';

const file = (text: string | Buffer, executable = false): FileState => ({
  kind: 'file',
  bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'),
  executable,
});
const link = (target: string): FileState => ({ kind: 'symlink', target });

/** Lay `state` down on disk at `rel`. */
function put(root: string, rel: string, state: FileState) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  if (state.kind === 'symlink') symlinkSync(state.target, path.join(root, rel));
  else {
    writeFileSync(path.join(root, rel), state.bytes);
    chmodSync(path.join(root, rel), state.executable ? 0o755 : 0o644);
  }
}

/** Build the "before" repository twice, apply the patch to one and the changes to the other. */
async function roundTrip(changes: FileChange[], untouched: Record<string, FileState> = {}) {
  const viaGit = tempDir();
  const viaApply = tempDir();
  for (const root of [viaGit, viaApply]) {
    for (const [rel, state] of Object.entries(untouched)) put(root, rel, state);
    for (const change of changes) if (change.before) put(root, change.renamedFrom ?? change.path, change.before);
    initRepo(root);
  }
  const patch = renderPatch(changes);
  writeFileSync(path.join(viaGit, '.git', 'p.diff'), patch);
  git(viaGit, 'apply', '--check', '.git/p.diff');
  git(viaGit, 'apply', '.git/p.diff');
  await applyChanges(viaApply, changes);
  expect(snapshotTree(viaGit)).toEqual(snapshotTree(viaApply));
  return { patch, tree: snapshotTree(viaApply) };
}

describe('renderPatch + git apply', () => {
  it.each([
    ['plain text', 'a\nb\nc\n', 'a\nB\nc\n'],
    ['CRLF', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['BOM', '\xef\xbb\xbfa\nb\n', '\xef\xbb\xbfa\nc\n'],
    ['no final newline, before', 'a\nb', 'a\nb\n'],
    ['no final newline, after', 'a\nb\n', 'a\nc'],
    ['no final newline, both', 'x = 1', 'x = 2'],
    ['emptied file', 'a\n', ''],
    ['filled empty file', '', 'a\n'],
    [
      'long file, two hunks',
      Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join(''),
      Array.from({ length: 40 }, (_, i) => (i === 3 || i === 30 ? `LINE ${i}\n` : `line ${i}\n`)).join(''),
    ],
  ])('%s', async (_name, before, after) => {
    const { tree } = await roundTrip([{ path: 'f.txt', before: file(before), after: file(after) }]);
    expect(tree['f.txt']).toEqual({ kind: 'file', content: after, executable: false });
  });

  it('creates, deletes and changes modes', async () => {
    const { patch, tree } = await roundTrip(
      [
        { path: 'new/dir/created.py', before: null, after: file('print(1)\n', true) },
        { path: 'gone.py', before: file('x = 1\n'), after: null },
        { path: 'run.sh', before: file('echo hi\n'), after: file('echo hi\n', true) },
        { path: 'both.sh', before: file('echo a\n', true), after: file('echo b\n') },
      ],
      { 'keep.txt': file('kept\n') },
    );
    expect(patch).toContain('new file mode 100755');
    expect(patch).toContain('deleted file mode 100644');
    expect(patch).toContain('old mode 100644\nnew mode 100755');
    expect(tree['run.sh']).toEqual({ kind: 'file', content: 'echo hi\n', executable: true });
    expect(tree['gone.py']).toBeUndefined();
  });

  it('turns a symlink into a file and a file into a symlink, as git shows type changes', async () => {
    const { patch, tree } = await roundTrip(
      [
        { path: 'cfg.py', before: link('shared/cfg.py'), after: file('A = 1\n') },
        { path: 'alias.py', before: file('B = 2\n'), after: link('shared/cfg.py') },
        { path: 'dirlink', before: link('shared'), after: null },
        { path: 'dirlink/cfg.py', before: null, after: file('A = 1\n') },
      ],
      { 'shared/cfg.py': file('A = 1\n') },
    );
    expect(patch).toContain('deleted file mode 120000');
    expect(patch).toContain('new file mode 120000');
    expect(tree['alias.py']).toEqual({ kind: 'symlink', target: 'shared/cfg.py' });
    expect(tree['dirlink/cfg.py']).toEqual({ kind: 'file', content: 'A = 1\n', executable: false });
  });

  it('renames with and without content changes', async () => {
    const { patch, tree } = await roundTrip([
      { path: 'b/moved.py', renamedFrom: 'a/moved.py', before: file('x = 1\n'), after: file('x = 1\n') },
      {
        path: 'b/edited.py',
        renamedFrom: 'a/edited.py',
        before: file('import a.x\ny = 2\n'),
        after: file('import b.x\ny = 2\n'),
      },
    ]);
    expect(patch).toContain('rename from a/moved.py\nrename to b/moved.py');
    expect(Object.keys(tree).sort()).toEqual(['b/edited.py', 'b/moved.py']);
  });

  it('writes binary content as a GIT binary patch', async () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
    const { patch, tree } = await roundTrip([
      { path: 'img.bin', before: null, after: file(bytes) },
      { path: 'x.bin', before: file(Buffer.from([0, 1, 2])), after: file(Buffer.from([0, 1, 3, 4])) },
    ]);
    expect(patch).toContain('GIT binary patch');
    expect(tree['img.bin']).toEqual({ kind: 'file', content: bytes.toString('latin1'), executable: false });
  });

  it('quotes unusual paths as git does, and git applies them', async () => {
    expect(quotePath('a/plain name.py')).toBe('a/plain name.py');
    expect(quotePath('a/tab\there.py')).toBe('"a/tab\\there.py"');
    expect(quotePath('a/é.py')).toBe('"a/\\303\\251.py"');
    await roundTrip([
      { path: 'dir with space/é.py', before: file('x = 1\n'), after: file('x = 2\n') },
      { path: 'quote"d.py', before: file('y = 1\n'), after: file('y = 2\n') },
    ]);
  });

  it('renders nothing for an unchanged state', () => {
    expect(renderPatch([{ path: 'same.py', before: file('x\n'), after: file('x\n') }])).toBe('');
  });
});
