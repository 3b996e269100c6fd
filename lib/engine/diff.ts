// Git-style unified diffs that `git apply` accepts byte for byte: modes, creations, deletions,
// renames, symlinks, files without a final newline, CRLF, and binary files as `GIT binary patch`.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { FileChange, FileState } from './types.js';
import { lineHunks } from './diff-hunks.js';
import { looksBinary } from './files.js';
import { byOrdinalKey } from '../order.js';

const CONTEXT_LINES = 3;
const NULL_SHA = '0'.repeat(40);

/** The git mode string of a state: 100644, 100755 or 120000. */
export function gitMode(state: FileState): string {
  if (state.kind === 'symlink') return '120000';
  return state.executable ? '100755' : '100644';
}

/** The bytes git stores for a state: a link's blob is its target. */
export function stateBytes(state: FileState): Buffer {
  return state.kind === 'symlink' ? Buffer.from(state.target, 'utf8') : state.bytes;
}

/** git's blob id, needed on the `index` line (binary patches are refused without it). */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Render one change as git does. A symlink⇄file change becomes a deletion followed by a
 * creation, which is how `git diff` shows a type change. Returns '' when nothing differs.
 */
export function renderChange(change: FileChange): string {
  const { before, after } = change;
  if (before && after && before.kind !== after.kind) {
    return (
      renderChange({ path: change.path, before, after: null }) +
      renderChange({ path: change.path, before: null, after })
    );
  }
  if (!change.renamedFrom && before && after && sameState(before, after)) return '';
  const oldPath = change.renamedFrom ?? change.path;
  const header: string[] = [`diff --git ${quotePath(`a/${oldPath}`)} ${quotePath(`b/${change.path}`)}`];
  const oldBytes = before ? stateBytes(before) : Buffer.alloc(0);
  const newBytes = after ? stateBytes(after) : Buffer.alloc(0);
  const oldId = before ? blobId(oldBytes) : NULL_SHA;
  const newId = after ? blobId(newBytes) : NULL_SHA;
  if (!before && after) {
    header.push(`new file mode ${gitMode(after)}`, `index ${NULL_SHA}..${newId}`);
  } else if (before && !after) {
    header.push(`deleted file mode ${gitMode(before)}`, `index ${oldId}..${NULL_SHA}`);
  } else if (before && after) {
    const modeChanged = gitMode(before) !== gitMode(after);
    if (modeChanged) header.push(`old mode ${gitMode(before)}`, `new mode ${gitMode(after)}`);
    if (change.renamedFrom) {
      header.push(
        `similarity index ${oldId === newId ? 100 : 90}%`,
        `rename from ${quotePath(oldPath)}`,
        `rename to ${quotePath(change.path)}`,
      );
    }
    if (oldId !== newId) header.push(`index ${oldId}..${newId}${modeChanged ? '' : ` ${gitMode(after)}`}`);
    if (oldId === newId) return header.join('\n') + '\n';
  }
  const oldName = before ? quotePath(`a/${oldPath}`) : '/dev/null';
  const newName = after ? quotePath(`b/${change.path}`) : '/dev/null';
  if (looksBinary(oldBytes) || looksBinary(newBytes) || !isUtf8(oldBytes) || !isUtf8(newBytes)) {
    return `${header.join('\n')}\nGIT binary patch\n${binaryHunk(newBytes)}\n${binaryHunk(oldBytes)}\n`;
  }
  if (oldBytes.length === 0 && newBytes.length === 0) return header.join('\n') + '\n';
  return `${header.join('\n')}\n--- ${oldName}\n+++ ${newName}\n${textHunks(oldBytes.toString('utf8'), newBytes.toString('utf8'))}`;
}

/** The whole run's patch: changes sorted by path so the output is stable. */
export function renderPatch(changes: readonly FileChange[]): string {
  return [...changes]
    .sort(byOrdinalKey((x) => x.path))
    .map(renderChange)
    .join('');
}

function textHunks(oldText: string, newText: string): string {
  let out = '';
  for (const hunk of lineHunks(oldText, newText, CONTEXT_LINES)) {
    // git numbers an empty side from the line before it: `@@ -0,0 +1,3 @@`
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out += `@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@\n`;
    for (const line of hunk.lines) out += `${line}\n`;
  }
  return out;
}

function sameState(a: FileState, b: FileState): boolean {
  if (a.kind === 'symlink' || b.kind === 'symlink') return a.kind === b.kind && stateBytes(a).equals(stateBytes(b));
  return a.executable === b.executable && a.bytes.equals(b.bytes);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** git quotes a path in C style when it holds `"`, `\`, control characters or non-ASCII bytes. */
export function quotePath(p: string): string {
  // eslint-disable-next-line no-control-regex -- the characters git C-quotes
  if (!/["\\\x00-\x1f\x7f-\uffff]/.test(p)) return p;
  let out = '"';
  for (const byte of Buffer.from(p, 'utf8')) {
    const named: Record<number, string> = {
      7: '\\a',
      8: '\\b',
      9: '\\t',
      10: '\\n',
      11: '\\v',
      12: '\\f',
      13: '\\r',
      34: '\\"',
      92: '\\\\',
    };
    if (named[byte]) out += named[byte];
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

const BASE85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';

/** One `literal` hunk of a git binary patch: zlib-deflated bytes in git's base85, 52 bytes a line. */
function binaryHunk(bytes: Buffer): string {
  const deflated = deflateSync(bytes);
  let out = `literal ${bytes.length}\n`;
  for (let offset = 0; offset < deflated.length; offset += 52) {
    const chunk = deflated.subarray(offset, offset + 52);
    const lengthChar =
      chunk.length <= 26 ? String.fromCharCode(64 + chunk.length) : String.fromCharCode(96 + chunk.length - 26);
    let line = lengthChar;
    for (let i = 0; i < chunk.length; i += 4) {
      let value = 0;
      for (let j = 0; j < 4; j++) value = value * 256 + (chunk[i + j] ?? 0);
      let group = '';
      for (let k = 0; k < 5; k++) {
        group = BASE85[value % 85] + group;
        value = Math.floor(value / 85);
      }
      line += group;
    }
    out += `${line}\n`;
  }
  return out;
}
