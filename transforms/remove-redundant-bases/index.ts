// remove-redundant-bases: drop bases another listed base already brings, in Python where the
// method resolution order proves it safe (across files), and in TypeScript heritage lists.
import { defineTransform } from '../../lib/engine/define-transform.js';
import { isTypeDeclaration, languageOf as languageOfFile } from '../../lib/languages.js';
import { meta } from './meta.js';
import { resolveRemoveRedundantBasesOptions } from './options.js';
import { fixPythonFile } from './python.js';

export { meta };

/**
 * Per file: Python class headers (decisions come from the shared class index, so every file
 * sees the same plan), or TypeScript `implements` / interface `extends` lists.
 */
export default defineTransform({
  resolveOptions: resolveRemoveRedundantBasesOptions,
  async transform(file, options, run) {
    const language = languageOf(file.path);
    if (!language) return undefined;
    if (language === 'python') {
      if (!file.source.includes('class')) return file.source;
      const { relPath, repo, mode, report } = run.context;
      return fixPythonFile(file.source, relPath, repo, options, mode, report);
    }
    if (!/\b(implements|interface)\b/.test(file.source)) return file.source;
    // ts-morph is heavy: load it only when a TypeScript file has heritage to look at
    const { fixTypeScriptFile } = await import('./typescript.js');
    const { relPath, repo, mode, report } = run.context;
    return fixTypeScriptFile(file.source, relPath, repo, options, mode, report);
  },
});

/** Python sources (stubs declare no classes to fix) and TypeScript outside declaration files. */
function languageOf(filePath: string): 'python' | 'typescript' | undefined {
  const language = languageOfFile(filePath);
  if (language === 'python' && !filePath.endsWith('.pyi')) return 'python';
  if (language === 'typescript' && !isTypeDeclaration(filePath)) return 'typescript';
  return undefined;
}
