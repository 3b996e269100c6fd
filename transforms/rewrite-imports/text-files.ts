// Stale references in the repository's non-code text files (shell, YAML, TOML, INI, Dockerfile,
// Makefile, Markdown, JSON, plain text): reported as infos, rewritten with `rewriteText`.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fillMessage, positionAt, type Diagnostic } from '../../lib/diagnostics.js';
import { decodeText, encodeText } from '../../lib/files.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/types.js';
import { messages } from './messages.js';
import { findReferences, rewriteReferences, type Mention } from './text-references.js';

/** What the summary says: `12 references in 5 non-code files; --rewrite-text to update them`. */
export interface TextReferenceSummary {
  references: number;
  files: number;
  rewritten: boolean;
}

const CODE = /\.(pyi?|[cm]?[jt]sx?)$/;
// never text, whatever their first bytes say: not even opened
const BINARY = /\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|jar|whl|egg|so|dylib|dll|exe|o|a|pyc|pyo|class|woff2?|ttf|otf|eot|mp[34]|mov|avi|wav|ogg|sqlite|db|parquet|avro|pkl|npy|npz|h5)$/i;

/** True for the files this scan reads: tracked text that is neither Python nor JS/TS. */
export const isNonCodeText = (file: string) => !CODE.test(file) && !BINARY.test(file);

/**
 * Scan every non-code text file for whole-token mentions of moved paths and modules. Files past
 * `repo.maxFileSize` and binary files are skipped unread beyond their size; a file is decoded
 * only when its bytes contain a mention (a substring check on the buffer).
 * @param moved the plan's renames: a text file that moves is rewritten at its new place
 */
export function planTextReferences(
  repo: RepoIndex,
  mentions: readonly Mention[],
  inScope: (file: string) => boolean,
  rewrite: boolean,
  report: (diagnostic: Diagnostic) => void,
  moved: Map<string, FileChange>,
): { changes: FileChange[]; summary: TextReferenceSummary } {
  const changes: FileChange[] = [];
  const summary: TextReferenceSummary = { references: 0, files: 0, rewritten: rewrite };
  if (mentions.length === 0) return { changes, summary };
  const needles = mentions.map((m) => Buffer.from(m.from));
  for (const file of repo.files) {
    if (!isNonCodeText(file) || !inScope(file)) continue;
    const read = readSmall(repo.absolute(file), repo.maxFileSize);
    if (!read || !needles.some((n) => read.bytes.includes(n))) continue;
    const decoded = decodeText(read.bytes);
    if (decoded.binary) continue;
    const references = findReferences(decoded.text, mentions);
    if (references.length === 0) continue;
    summary.references += references.length;
    summary.files += 1;
    const rename = moved.get(file);
    const shownPath = rename?.path ?? file;
    for (const ref of references) {
      const found = decoded.text.slice(ref.start, ref.end);
      const message = fillMessage(messages[rewrite ? 'rewrite-imports/stale-reference-fixed' : 'rewrite-imports/stale-reference'], { found, to: ref.mention.to, rule: ref.mention.label, flag: '--rewrite-text' });
      report({ path: shownPath, ...positionAt(decoded.text, ref.start), severity: 'info', code: 'rewrite-imports/stale-reference', message });
    }
    if (!rewrite) continue;
    const bytes = encodeText(rewriteReferences(decoded.text, references), decoded.bom);
    if (rename && rename.after?.kind === 'file') rename.after = { ...rename.after, bytes };
    else changes.push({ path: file, before: { kind: 'file', bytes: read.bytes, executable: read.executable }, after: { kind: 'file', bytes, executable: read.executable } });
  }
  return { changes, summary };
}

/** A regular file's bytes and executable bit, or undefined when it is not one or too large. */
function readSmall(abs: string, limit: number): { bytes: Buffer; executable: boolean } | undefined {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW | O_NONBLOCK: a link swapped in or a FIFO never blocks or leads elsewhere
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const n = readSync(fd, bytes, offset, stat.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { bytes: bytes.subarray(0, offset), executable: (stat.mode & 0o111) !== 0 };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
