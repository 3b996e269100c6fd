// fix-call-syntax: repairs calls damaged by bulk regex edits (repeated, injected or comma-first
// arguments, missing commas) and reports every file that still does not parse.
import type { API, FileInfo } from 'jscodeshift';
import { contextFor } from '../../lib/engine/context.js';
import { fixJavaScriptCalls } from './javascript.js';
import { languageOf } from '../../lib/languages.js';
import { meta } from './meta.js';
import { resolveFixCallSyntaxOptions } from './options.js';
import { fixPythonCalls } from './python.js';

export { meta };

/**
 * Python files go through tree-sitter (byte-range edits, never a reprint); JS/TS files through
 * jscodeshift's parser, also edited as text ranges so untouched code keeps its bytes.
 * A file that does not parse after the repairs gets a `parse-error` diagnostic and comes back unchanged.
 */
export default async function transform(
  file: FileInfo,
  api: API,
  raw: Record<string, unknown>,
): Promise<string | undefined> {
  const options = resolveFixCallSyntaxOptions(raw);
  const language = languageOf(file.path);
  const ctx = contextFor(file, api);
  if (language === 'python') return fixPythonCalls(file.source, options, ctx);
  if (language) return fixJavaScriptCalls(file.source, ctx, new Set(options.keyword.map((k) => k.name)));
  // neither Python nor JS/TS (a --extensions override): nothing this transform understands
  return undefined;
}
