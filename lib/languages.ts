// Which language a file is, decided once: by its extension (as the engine discovers files, and as
// Python and Node themselves decide what is importable).

/** Python sources and stubs, without the dot. */
export const PYTHON_EXTENSIONS = ['py', 'pyi'];
/** JavaScript and TypeScript in every module flavour, without the dot (third-party transforms default to stock's list: lib/engine/stock-defaults.ts). */
export const JS_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];

export type Language = 'python' | 'javascript' | 'typescript';

const TYPESCRIPT = new Set(['ts', 'tsx', 'mts', 'cts']);

/** The extension after the last dot of the file name, lower-cased, without the dot ('' for none). */
export function extensionOf(filePath: string): string {
  return /\.([^./\\]+)$/.exec(filePath)?.[1]?.toLowerCase() ?? '';
}

export function languageOf(filePath: string): Language | undefined {
  const ext = extensionOf(filePath);
  if (PYTHON_EXTENSIONS.includes(ext)) return 'python';
  if (TYPESCRIPT.has(ext)) return 'typescript';
  if (JS_EXTENSIONS.includes(ext)) return 'javascript';
  return undefined;
}

/** A TypeScript declaration file (`.d.ts`, `.d.mts`, `.d.cts`): types only, no code to edit. */
export const isTypeDeclaration = (filePath: string): boolean => /\.d\.[cm]?ts$/i.test(filePath);
