// The repository's Python modules as fix-call-syntax reads them: each file's scan (the one
// binding model, lib/python/class-scan.ts: defs with their parameters, classes with their
// members, imports, loggers, every rebinding), from this run, the fact cache or one parse.
import type { Node, Parser } from 'web-tree-sitter';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { emptyScan, scanTree, type ClassRecord, type FileScan } from '../../lib/python/class-scan.js';
import { pythonFactsSync, scanInputFor } from '../../lib/python/file-facts.js';

/** Decorators that keep a function's call signature. */
export const TRANSPARENT_DECORATORS = new Set([
  'staticmethod',
  'classmethod',
  'abstractmethod',
  'abc.abstractmethod',
  'override',
  'typing.override',
  'typing_extensions.override',
  'functools.cache',
  'cache',
  'functools.lru_cache',
  'lru_cache',
  'contextmanager',
  'contextlib.contextmanager',
  'asynccontextmanager',
  'contextlib.asynccontextmanager',
  'functools.wraps',
  'wraps',
  'final',
  'typing.final',
]);

/**
 * Scans of the repository's Python modules, made lazily and kept for the run (one index per
 * RepoIndex, through `repo.memo`). Files are read from disk; the file being fixed is scanned
 * from its current tree instead (`scanCurrent`).
 */
export class PythonSignatureIndex {
  private readonly scans = new Map<string, FileScan | undefined>();
  private subclassMap: Map<string, ClassRecord[]> | undefined;

  constructor(
    readonly repo: RepoIndex,
    private readonly parser: Parser,
  ) {}

  static for(repo: RepoIndex, parser: Parser): PythonSignatureIndex {
    return repo.memo('transforms/fix-call-syntax/signatures', (r) => new PythonSignatureIndex(r, parser));
  }

  /** The scan of a repo-relative file (module scope and classes), or undefined when unreadable. */
  module(path: string): FileScan | undefined {
    if (!this.scans.has(path)) {
      const text = this.repo.read(path);
      this.scans.set(
        path,
        text === undefined
          ? undefined
          : (pythonFactsSync(this.parser, this.repo, path, text).scan ?? emptyScan(scanInputFor(this.repo, path))),
      );
    }
    return this.scans.get(path);
  }

  /** The file being fixed, from its current text: every function scope kept, for calls inside them. */
  scanCurrent(root: Node, text: string, path: string): FileScan {
    return scanTree(root, text, scanInputFor(this.repo, path), { everyScope: true });
  }

  /** Repo-relative file of a dotted module, when it is a Python file in the repository. */
  fileOf(module: string): string | undefined {
    const file = this.repo.python.resolve(module);
    return file && /\.pyi?$/.test(file) ? file : undefined;
  }

  /** The module-level classes of the repository whose bases (transitively) include `target`. */
  subclassesOf(target: ClassRecord, resolveBases: (c: ClassRecord) => (ClassRecord | undefined)[]): ClassRecord[] {
    if (!this.subclassMap) {
      const direct = new Map<string, ClassRecord[]>();
      for (const file of this.repo.python.files()) {
        for (const cls of this.module(file)?.classes ?? []) {
          if (cls.scope !== 0) continue;
          for (const base of resolveBases(cls)) {
            if (!base) continue;
            const list = direct.get(base.id) ?? [];
            list.push(cls);
            direct.set(base.id, list);
          }
        }
      }
      this.subclassMap = direct;
    }
    const out: ClassRecord[] = [];
    const queue = [target];
    const seen = new Set<string>([target.id]);
    while (queue.length) {
      for (const sub of this.subclassMap.get(queue.shift()!.id) ?? []) {
        if (seen.has(sub.id)) continue;
        seen.add(sub.id);
        out.push(sub);
        queue.push(sub);
      }
    }
    return out;
  }
}
