// TypeScript's lib files (lib.es2022.full.d.ts pulls in the DOM: ~2 MB of declarations) parsed and
// bound once per process, not once per ts-morph Project: a monorepo with a tsconfig per package
// builds a Project each, and parsing the libs was most of each Project's cost (~1-2 s).
import { ts, type Project } from 'ts-morph';

type CreateOrUpdate = (
  fileName: string,
  settings: ts.CompilerOptions,
  snapshot: ts.IScriptSnapshot,
  scriptKind: ts.ScriptKind | undefined,
) => ts.SourceFile;

/** ts-morph's per-Project document registry: the one place a Project turns text into a SourceFile. */
interface MorphDocumentRegistry {
  createOrUpdateSourceFile: CreateOrUpdate;
}

// ts-morph serves the libs from its bundled copy under this fake folder, whatever is on disk there
const LIB_FOLDER = '/node_modules/typescript/lib/';

// TypeScript's own key for "parses and binds the same": two Projects share a lib file only when
// it matches (the language service shares source files between projects the same way). Three of
// its options cannot change a lib file and differ between a tsconfig and our defaults or from one
// tsconfig to the next: `paths`' base folder (lib files have no module specifiers) and the JSX
// settings (declaration files hold no JSX). Left in, every package's Project would parse the libs again.
const settingsKey = (() => {
  const registry = ts.createDocumentRegistry();
  return (settings: ts.CompilerOptions) =>
    registry.getKeyForCompilationSettings({
      ...settings,
      pathsBasePath: undefined,
      jsx: undefined,
      jsxImportSource: undefined,
    });
})();

const libFiles = new Map<string, ts.SourceFile>();

/**
 * Make `project` take its lib files from the process-wide cache (filling it on first use).
 * A lib file is reused only for the same name, the same text and the same parse/bind settings;
 * the binder runs once per SourceFile, and each Project's checker only reads what it left.
 * Returns false, changing nothing, when ts-morph's internals are not where this expects them.
 */
export function shareLibFiles(project: Project): boolean {
  const registry = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: unknown } } })._context
    ?.compilerFactory?.documentRegistry as MorphDocumentRegistry | undefined;
  if (typeof registry?.createOrUpdateSourceFile !== 'function') return false;
  const own = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, scriptKind) => {
    if (!fileName.startsWith(LIB_FOLDER)) return own(fileName, settings, snapshot, scriptKind);
    const key = `${settingsKey(settings)}\0${fileName}`;
    const text = snapshot.getText(0, snapshot.getLength());
    const cached = libFiles.get(key);
    if (cached && cached.text === text) return cached;
    const parsed = own(fileName, settings, snapshot, scriptKind);
    libFiles.set(key, parsed);
    return parsed;
  };
  return true;
}
