// fix-call-syntax: repairs calls damaged by bulk regex edits (repeated, injected or comma-first
// arguments, missing commas) and reports every file that still does not parse.
import { defineTransform } from '../../lib/engine/define-transform.js';
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
export default defineTransform({
  resolveOptions: resolveFixCallSyntaxOptions,
  transform(file, options, { context }) {
    const language = languageOf(file.path);
    if (language === 'python') return fixPythonCalls(file.source, options, context);
    if (language) return fixJavaScriptCalls(file.source, context, new Set(options.keyword.map((k) => k.name)));
    // neither Python nor JS/TS (a --extensions override): nothing this transform understands
    return undefined;
  },
});
