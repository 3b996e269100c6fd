// One file's rewrite, wherever it comes from: the per-file transform, or the repository plan for
// files that move. Picks the language module and the file's before/after location.
import type { Finding } from '../../lib/context.js';
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
  if (language === 'python') {
    const py = pythonLocation(set, relPath);
    const pkg = (name: string | undefined) => (name === undefined ? undefined : py.isPackage ? name : name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
    ctx.pythonPackages = { written: pkg(py.written), future: pkg(py.future) };
    return rewritePython(source, ctx);
  }
  return rewriteJavaScript(source, ctx);
}
