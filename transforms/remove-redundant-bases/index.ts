// remove-redundant-bases: drop bases another listed base already brings, in Python where the
// method resolution order proves it safe (across files), and in TypeScript heritage lists.
import type { API, FileInfo } from 'jscodeshift';
import { contextFor } from '../../lib/engine/context.js';
import { isTypeDeclaration, languageOf as languageOfFile } from '../../lib/languages.js';
import { meta } from './meta.js';
import { resolveRemoveRedundantBasesOptions } from './options.js';
import { fixPythonFile } from './python.js';

export { meta };

/**
 * Per file: Python class headers (decisions come from the shared class index, so every file
 * sees the same plan), or TypeScript `implements` / interface `extends` lists.
 */
export default async function transform(
  file: FileInfo,
  api: API,
  raw: Record<string, unknown>,
): Promise<string | undefined> {
  const options = resolveRemoveRedundantBasesOptions(raw);
  const language = languageOf(file.path);
  if (!language) return undefined;
  const ctx = contextFor(file, api, raw);
  if (language === 'python') {
    if (!file.source.includes('class')) return file.source;
    return fixPythonFile(file.source, ctx.relPath, ctx.repo, options, ctx.mode, ctx.report);
  }
  if (!/\b(implements|interface)\b/.test(file.source)) return file.source;
  // ts-morph is heavy: load it only when a TypeScript file has heritage to look at
  const { fixTypeScriptFile } = await import('./typescript.js');
  return fixTypeScriptFile(file.source, ctx.relPath, ctx.repo, options, ctx.mode, ctx.report);
}

/** Python sources (stubs declare no classes to fix) and TypeScript outside declaration files. */
function languageOf(filePath: string): 'python' | 'typescript' | undefined {
  const language = languageOfFile(filePath);
  if (language === 'python' && !filePath.endsWith('.pyi')) return 'python';
  if (language === 'typescript' && !isTypeDeclaration(filePath)) return 'typescript';
  return undefined;
}
