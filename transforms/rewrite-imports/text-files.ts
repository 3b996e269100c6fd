// Stale references in the repository's non-code text files (shell, YAML, TOML, INI, Dockerfile,
// Makefile, Markdown, JSON, plain text): reported as infos, rewritten with `rewriteText`.
import { statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_NAME } from '../../lib/deploy/tree.js';
import { CONFIG_FILE } from '../../lib/engine/config.js';
import { readRegularFile } from '../../lib/engine/containment.js';
import { fillMessage, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { decodeText, encodeText } from '../../lib/engine/files.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
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
const BINARY =
  /\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|jar|whl|egg|so|dylib|dll|exe|o|a|pyc|pyo|class|woff2?|ttf|otf|eot|mp[34]|mov|avi|wav|ogg|sqlite|db|parquet|avro|pkl|npy|npz|h5)$/i;

/**
 * True for the files this scan reads: tracked text that is neither Python nor JS/TS, nor the
 * config holding the rules, nor a bundle manifest (the move updates its entries as data).
 */
export const isNonCodeText = (file: string) =>
  !CODE.test(file) && !BINARY.test(file) && ![CONFIG_FILE, MANIFEST_NAME].includes(path.posix.basename(file));

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
    const bytes = readSmall(repo.absolute(file), repo.maxFileSize);
    if (!bytes || !needles.some((n) => bytes.includes(n))) continue;
    const decoded = decodeText(bytes);
    if (decoded.binary) continue;
    const references = findReferences(decoded.text, mentions);
    if (references.length === 0) continue;
    summary.references += references.length;
    summary.files += 1;
    const rename = moved.get(file);
    const shownPath = rename?.path ?? file;
    for (const ref of references) {
      const found = decoded.text.slice(ref.start, ref.end);
      const message = fillMessage(
        messages[rewrite ? 'rewrite-imports/stale-reference-fixed' : 'rewrite-imports/stale-reference'],
        { found, to: ref.mention.to, rule: ref.mention.label, flag: '--rewrite-text' },
      );
      report({
        path: shownPath,
        ...positionAt(decoded.text, ref.start),
        severity: 'info',
        code: 'rewrite-imports/stale-reference',
        message,
      });
    }
    if (!rewrite) continue;
    const rewritten = encodeText(rewriteReferences(decoded.text, references), decoded.bom);
    if (rename && rename.after?.kind === 'file') {
      rename.after = { ...rename.after, bytes: rewritten };
      continue;
    }
    const executable = (statSync(repo.absolute(file)).mode & 0o111) !== 0;
    changes.push({
      path: file,
      before: { kind: 'file', bytes, executable },
      after: { kind: 'file', bytes: rewritten, executable },
    });
  }
  return { changes, summary };
}

/** A regular file's bytes, or undefined when it is not one, is unreadable or is over the limit. */
function readSmall(abs: string, limit: number): Buffer | undefined {
  try {
    return readRegularFile(abs, limit);
  } catch {
    return undefined;
  }
}
