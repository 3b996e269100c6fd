// One file's rewrite, wherever it comes from: the per-file transform, or the repository plan for
// files that move. Picks the language module and the file's before/after location.
import type { Finding } from '../../lib/engine/context.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { sharePythonTrees } from '../../lib/python/parser.js';
import { positionAt } from '../../lib/text/positions.js';
import { EditSet } from '../../lib/text/edit-set.js';
import { docReferences } from './doc-references.js';
import { messages } from './messages.js';
import type { RewriteImportsOptions } from './options.js';
import { rewritePython } from './python.js';
import { rewriteJavaScript } from './javascript.js';
import type { RewriteContext } from './report.js';
import { fileLocation, pythonLocation, type RuleSet } from './rules.js';

/**
 * @param relPath where the file is now; `location` overrides where it ends up (repository plan)
 */
export async function rewriteFile(
  source: string,
  relPath: string,
  language: 'python' | 'javascript',
  set: RuleSet,
  options: RewriteImportsOptions,
  report: (finding: Finding) => void,
  count: (rule: string) => void,
): Promise<string> {
  const { written, future } = fileLocation(set, relPath);
  const ctx: RewriteContext = { relPath, written, future, set, options, report, count };
  if (language === 'python') return sharePythonTrees(() => rewritePythonFile(source, ctx));
  return rewriteJavaScript(await followDocs(source, ctx, language), ctx);
}

/**
 * Python: the docs pass and the import pass read one tree (parsing is most of a run's time);
 * only a docs rewrite (--rewrite-docs) changes the text between them and costs a second parse.
 */
async function rewritePythonFile(source: string, ctx: RewriteContext): Promise<string> {
  const { set, relPath } = ctx;
  // comments and docstrings first, on the text as written, so their positions are exact
  const text = await followDocs(source, ctx, 'python');
  const py = pythonLocation(set, relPath);
  const pkg = (name: string | undefined) =>
    name === undefined
      ? undefined
      : py.isPackage
        ? name
        : name.includes('.')
          ? name.slice(0, name.lastIndexOf('.'))
          : '';
  ctx.pythonPackages = { written: pkg(py.written), future: pkg(py.future) };
  return rewritePython(text, ctx);
}

/**
 * Comments and docstrings: each stale mention is an info, and with `rewriteDocs` it is rewritten
 * in place (token for token: lines never shift, so the import pass after it reports true positions).
 */
async function followDocs(text: string, ctx: RewriteContext, language: 'python' | 'javascript'): Promise<string> {
  const edits = await docReferences(text, ctx.relPath, language, ctx.set);
  if (edits.length === 0) return text;
  const rewrite = ctx.options.rewriteDocs;
  const key = rewrite ? 'rewrite-imports/stale-reference-fixed' : 'rewrite-imports/stale-reference';
  for (const edit of edits) {
    ctx.report({
      severity: 'info',
      code: 'rewrite-imports/stale-reference',
      message: fillMessage(messages[key], { found: edit.found, to: edit.to, rule: edit.label, flag: '--rewrite-docs' }),
      ...positionAt(text, edit.start),
    });
  }
  if (!rewrite) return text;
  const set = new EditSet(text);
  for (const edit of edits) set.replace(edit.start, edit.end, edit.to);
  return set.apply();
}
