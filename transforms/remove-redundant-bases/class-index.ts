// The project class index: every class of every Python file, with its bases resolved through
// imports, aliases, re-exports and star imports to the class they name. Built once per run.
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { Parser } from 'web-tree-sitter';
import {
  emptyScan,
  type BaseExpr,
  type Binding,
  type ClassRecord,
  type FileScan,
} from '../../lib/python/class-scan.js';
import { pythonFacts, pythonFactsSync, scanInputFor, SCANNED } from '../../lib/python/file-facts.js';
import { pythonParser } from '../../lib/python/parser.js';
import { linearise, type MroResult } from './mro.js';

export type { BaseExpr, ClassRecord, FileScan };

/** What a name or a base expression stands for. */
export type Target =
  | { kind: 'class'; id: string }
  | { kind: 'module'; name: string }
  /** Outside the repository (third-party, stdlib, builtins): `key` is its dotted origin, `builtins.object`. */
  | { kind: 'external'; key: string }
  /** Computed at run time (calls, assignments from calls, `*bases`): unknown. */
  | { kind: 'dynamic'; why: string };

/** Node keys in linearisations: class ids (`pkg.mod:Name`) or `ext:<dotted origin>`. */
export const OBJECT = 'ext:builtins.object';
export const GENERIC = 'ext:typing.Generic';
const PROTOCOL = 'ext:typing.Protocol';

/** A listed base and what Python would put in `__bases__` for it (`__mro_entries__`). */
export interface BaseEntry {
  base: BaseExpr;
  target: Target;
  /** Node key of the target when it is a class, internal or external. */
  node?: string;
  /** What this base contributes to `__bases__`: usually [node]; [] for a `Generic[T]` that defers. */
  entries: string[];
}

/** The names that Python's builtins module provides as classes (enough to tell them from typos). */
const BUILTIN_PARENTS: Record<string, string> = {
  object: '',
  BaseException: 'object',
  Exception: 'BaseException',
  KeyboardInterrupt: 'BaseException',
  SystemExit: 'BaseException',
  GeneratorExit: 'BaseException',
  ArithmeticError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  AssertionError: 'Exception',
  AttributeError: 'Exception',
  LookupError: 'Exception',
  KeyError: 'LookupError',
  IndexError: 'LookupError',
  NameError: 'Exception',
  OSError: 'Exception',
  IOError: 'Exception',
  EnvironmentError: 'Exception',
  FileNotFoundError: 'OSError',
  FileExistsError: 'OSError',
  PermissionError: 'OSError',
  TimeoutError: 'OSError',
  ConnectionError: 'OSError',
  RuntimeError: 'Exception',
  NotImplementedError: 'RuntimeError',
  RecursionError: 'RuntimeError',
  StopIteration: 'Exception',
  TypeError: 'Exception',
  ValueError: 'Exception',
  UnicodeError: 'ValueError',
  UnicodeDecodeError: 'UnicodeError',
  UnicodeEncodeError: 'UnicodeError',
  ImportError: 'Exception',
  ModuleNotFoundError: 'ImportError',
  Warning: 'Exception',
  UserWarning: 'Warning',
  DeprecationWarning: 'Warning',
  RuntimeWarning: 'Warning',
  int: 'object',
  bool: 'int',
  float: 'object',
  str: 'object',
  bytes: 'object',
  list: 'object',
  dict: 'object',
  tuple: 'object',
  set: 'object',
  frozenset: 'object',
  type: 'object',
  property: 'object',
};
const EXTERNAL_ALIASES: Record<string, string> = {
  'builtins.IOError': 'builtins.OSError',
  'builtins.EnvironmentError': 'builtins.OSError',
  'typing_extensions.Generic': 'typing.Generic',
  'typing_extensions.Protocol': 'typing.Protocol',
};

/**
 * The class index of a repository: shared by every transform through `repo.memo`. Files are
 * scanned lazily, when a class being checked reaches them through its bases (imports, re-exports,
 * star imports): checking one file scans that file and its ancestors' modules, not the repository.
 * @example const index = await classIndexFor(ctx.repo); index.classesIn('pkg/base.py')
 */
export function classIndexFor(repo: RepoIndex): Promise<ClassIndex> {
  return repo.memo('python-class-index', (r) => ClassIndex.build(r));
}

export class ClassIndex {
  readonly classes = new Map<string, ClassRecord>();
  private readonly scansByFile = new Map<string, FileScan | null>();
  private readonly entryMemo = new Map<string, BaseEntry[]>();
  private readonly mroMemo = new Map<string, ClassMro>();

  private constructor(
    readonly repo: RepoIndex,
    private readonly parser: Parser,
    scans: FileScan[],
  ) {
    for (const scan of scans) this.add(scan);
  }

  /** An index that scans each `.py` file when it is first needed (stubs are not executed, so they are left out). */
  static async build(repo: RepoIndex): Promise<ClassIndex> {
    return new ClassIndex(repo, await pythonParser(), []);
  }

  /** The same index with one file's text replaced (a file edited in memory, e.g. read from stdin). */
  async withFileText(file: string, text: string): Promise<ClassIndex> {
    const scan = (await pythonFacts(this.repo, file, text)).scan ?? emptyScan(scanInputFor(this.repo, file));
    const scans = [...this.scansByFile.values()].filter((s): s is FileScan => s !== null && s.file !== file);
    return new ClassIndex(this.repo, this.parser, [scan, ...scans]);
  }

  /** Scan every file now: for whole-repository listings (`classes` then holds every class). */
  scanAll(): this {
    for (const file of this.repo.files) this.load(file);
    return this;
  }

  private add(scan: FileScan): void {
    this.scansByFile.set(scan.file, scan);
    for (const record of scan.classes) this.classes.set(record.id, record);
  }

  /** The scan of a repository file, made on first use (or read from the fact cache); null for a file with no class, import or `__all__`. */
  private load(file: string): FileScan | null {
    const known = this.scansByFile.get(file);
    if (known !== undefined) return known;
    const text = file.endsWith('.py') ? this.repo.read(file) : undefined;
    const scan =
      text !== undefined && SCANNED.test(text) ? pythonFactsSync(this.parser, this.repo, file, text).scan : null;
    if (scan) this.add(scan);
    else this.scansByFile.set(file, null);
    return scan;
  }

  /** The classes defined in a file, in source order. */
  classesIn(file: string): ClassRecord[] {
    return this.load(file)?.classes ?? [];
  }

  scanOf(file: string): FileScan | undefined {
    return this.load(file) ?? undefined;
  }

  /** Each listed base of a class, resolved, with what it puts in `__bases__`. */
  baseEntries(record: ClassRecord): BaseEntry[] {
    let entries = this.entryMemo.get(record.id);
    if (!entries) {
      entries = computeEntries(record.bases.map((base) => ({ base, target: this.resolveBase(record, base) })));
      this.entryMemo.set(record.id, entries);
    }
    return entries;
  }

  /** What a base expression names, seen from the scope the class statement runs in. */
  resolveBase(record: ClassRecord, base: BaseExpr): Target {
    if (!base.path) return { kind: 'dynamic', why: base.text };
    const scan = this.load(record.file)!;
    return this.resolvePath(scan, record.scope, record.start, base.path, new Set());
  }

  /**
   * The linearisation of a class, with every class's bases as written; `keep(record)` may
   * return the base indices to keep instead (a planned edit), for this class and its ancestors.
   */
  mro(
    id: string,
    keep?: (record: ClassRecord) => readonly number[] | undefined,
    memo?: Map<string, ClassMro>,
  ): ClassMro {
    if (!keep) {
      const cached = this.mroMemo.get(id);
      if (cached) return cached;
    }
    return this.mroWith(id, keep, keep ? (memo ?? new Map()) : this.mroMemo, new Set());
  }

  /**
   * Linearisation of a class given explicit bases (indices into `record.bases`), its ancestors as
   * `keep` says. Pass the same `memo` for calls that share one `keep`, so ancestors are linearised once.
   */
  mroWithBases(
    record: ClassRecord,
    kept: readonly number[],
    keep?: (record: ClassRecord) => readonly number[] | undefined,
    memo?: Map<string, ClassMro>,
  ): ClassMro {
    return this.linearisePicked(record, kept, keep, keep ? (memo ?? new Map()) : this.mroMemo, new Set([record.id]));
  }

  private mroWith(
    id: string,
    keep: ((r: ClassRecord) => readonly number[] | undefined) | undefined,
    memo: Map<string, ClassMro>,
    active: Set<string>,
  ): ClassMro {
    const done = memo.get(id);
    if (done) return done;
    if (!id.startsWith('ext:')) {
      const record = this.classes.get(id);
      if (!record) return { kind: 'unknown', why: id };
      if (active.has(id)) return { kind: 'unknown', why: `${record.qualname} inherits from itself` };
      active.add(id);
      const kept = keep?.(record) ?? record.bases.map((_, i) => i);
      const result = this.linearisePicked(record, kept, keep, memo, active);
      active.delete(id);
      memo.set(id, result);
      return result;
    }
    const result: ClassMro = { kind: 'ok', mro: externalMro(id), external: true };
    memo.set(id, result);
    return result;
  }

  private linearisePicked(
    record: ClassRecord,
    kept: readonly number[],
    keep: ((r: ClassRecord) => readonly number[] | undefined) | undefined,
    memo: Map<string, ClassMro>,
    active: Set<string>,
  ): ClassMro {
    if (record.splat) return { kind: 'unknown', why: `*bases in ${record.qualname}` };
    const all = this.baseEntries(record);
    const picked = computeEntries(kept.map((i) => ({ base: all[i].base, target: all[i].target })));
    const dynamic = picked.find((e) => e.target.kind === 'dynamic' || e.target.kind === 'module');
    if (dynamic) return { kind: 'unknown', why: dynamic.base.text };
    const bases = picked.flatMap((e) => e.entries);
    if (bases.length === 0) return { kind: 'ok', mro: [record.id, OBJECT] };
    const baseMros: string[][] = [];
    for (const base of bases) {
      const mro = this.mroWith(base, keep, memo, active);
      if (mro.kind !== 'ok')
        return mro.kind === 'unknown'
          ? mro
          : { kind: 'unknown', why: `${labelOf(this, base)} cannot be created`, ancestor: base };
      baseMros.push(mro.mro);
    }
    const result = linearise(record.id, bases, baseMros);
    return result.ok ? { kind: 'ok', mro: result.mro } : { kind: 'inconsistent', result };
  }

  private resolvePath(scan: FileScan, scope: number, at: number, path: string[], seen: Set<string>): Target {
    let target = this.lookupName(scan, scope, at, path[0], seen);
    for (const part of path.slice(1)) target = this.member(target, part, seen);
    return target;
  }

  /** A name looked up from a position in a scope: the scope chain, then builtins. */
  private lookupName(scan: FileScan, scopeId: number, at: number, name: string, seen: Set<string>): Target {
    // names bound before the statement count while no function boundary is crossed (a function
    // body runs later, when the module is complete); class bodies do not nest for name lookup
    let timed = true;
    for (
      let id: number | undefined = scopeId, first = true;
      id !== undefined;
      id = scan.scopes[id].parent, first = false
    ) {
      const scope = scan.scopes[id];
      if (!first && scope.kind === 'class') continue;
      const binding = pickBinding(scope.bindings.get(name), timed ? at : undefined);
      if (binding) return this.resolveBinding(scan, id, binding, seen);
      if (scope.kind === 'function') timed = false;
      if (scope.kind === 'module') {
        const starred = this.fromStars(scan, name, seen);
        if (starred) return starred;
      }
    }
    if (name in BUILTIN_PARENTS) return { kind: 'external', key: normaliseExternal(`builtins.${name}`) };
    // not bound anywhere we can see (a star import from outside, exec): unknown origin, never ours
    return { kind: 'external', key: `${scan.module}.${name}?` };
  }

  private resolveBinding(scan: FileScan, scope: number, binding: Binding, seen: Set<string>): Target {
    switch (binding.kind) {
      case 'class':
        return { kind: 'class', id: binding.classId };
      case 'module':
        return this.moduleTarget(binding.module);
      case 'from': {
        if (binding.module === undefined) return { kind: 'dynamic', why: 'a relative import above the source root' };
        return this.lookupInModule(binding.module, binding.name, seen);
      }
      case 'alias':
        return this.resolvePath(scan, scope, binding.at, binding.path, seen);
      case 'function':
      case 'logger':
      case 'other':
        return { kind: 'dynamic', why: 'assigned at run time' };
    }
  }

  private moduleTarget(name: string | undefined): Target {
    if (name === undefined) return { kind: 'dynamic', why: 'a relative import above the source root' };
    return this.repo.python.exists(name) ? { kind: 'module', name } : { kind: 'external', key: name };
  }

  /** `module.name`: the module's own binding, its star imports, then a submodule. */
  private lookupInModule(module: string, name: string, seen: Set<string>): Target {
    if (!this.repo.python.exists(module)) return { kind: 'external', key: normaliseExternal(`${module}.${name}`) };
    const key = `${module}:${name}`;
    if (seen.has(key)) return { kind: 'dynamic', why: `an import cycle on ${module}.${name}` };
    seen.add(key);
    try {
      const scan = this.scanForModule(module);
      if (scan) {
        const binding = pickBinding(scan.scopes[0].bindings.get(name), undefined);
        if (binding) return this.resolveBinding(scan, 0, binding, seen);
        const starred = this.fromStars(scan, name, seen);
        if (starred) return starred;
      }
      if (this.repo.python.exists(`${module}.${name}`)) return { kind: 'module', name: `${module}.${name}` };
      return { kind: 'dynamic', why: `${module}.${name} is not defined` };
    } finally {
      seen.delete(key);
    }
  }

  /** A name a module gets from `from m import *`: exported by `__all__`, or public when there is none. */
  private fromStars(scan: FileScan, name: string, seen: Set<string>): Target | undefined {
    for (const star of [...scan.stars].reverse()) {
      if (star.module === undefined) continue;
      if (!this.repo.python.exists(star.module)) continue;
      const source = this.scanForModule(star.module);
      if (!source) continue;
      const exported =
        source.all === undefined
          ? !name.startsWith('_') && this.definesAtTop(source, name, seen)
          : source.all?.includes(name);
      if (exported) return this.lookupInModule(star.module, name, seen);
    }
    return undefined;
  }

  private definesAtTop(scan: FileScan, name: string, seen: Set<string>): boolean {
    if (scan.scopes[0].bindings.has(name)) return true;
    return this.fromStars(scan, name, seen) !== undefined;
  }

  private scanForModule(module: string): FileScan | undefined {
    const file = this.repo.python.resolve(module);
    return file ? (this.load(file) ?? undefined) : undefined;
  }

  /** `target.part`: a module's attribute, a nested class, or an external dotted name. */
  private member(target: Target, part: string, seen: Set<string>): Target {
    switch (target.kind) {
      case 'module':
        return this.lookupInModule(target.name, part, seen);
      case 'external':
        return { kind: 'external', key: normaliseExternal(`${target.key}.${part}`) };
      case 'class': {
        const record = this.classes.get(target.id)!;
        const scan = this.load(record.file)!;
        const binding = pickBinding(scan.scopes[record.bodyScope]?.bindings.get(part), undefined);
        return binding
          ? this.resolveBinding(scan, record.bodyScope, binding, seen)
          : { kind: 'dynamic', why: `${record.qualname}.${part}` };
      }
      case 'dynamic':
        return target;
    }
  }
}

/** The outcome of linearising one class. */
export type ClassMro =
  | { kind: 'ok'; mro: string[]; external?: boolean }
  | { kind: 'inconsistent'; result: Extract<MroResult, { ok: false }> }
  /** Depends on something repomod cannot know (a call, `*bases`) or an ancestor that cannot be created. */
  | { kind: 'unknown'; why: string; ancestor?: string };

/**
 * Python's `__mro_entries__` for the bases repomod can see: `Base[T]` contributes `Base`;
 * `Generic[T]` contributes nothing when a later base is itself subscripted (typing moves it
 * after that base) or when `Protocol` is listed.
 */
function computeEntries(list: { base: BaseExpr; target: Target }[]): BaseEntry[] {
  return list.map(({ base, target }, i) => {
    const node = target.kind === 'class' ? target.id : target.kind === 'external' ? `ext:${target.key}` : undefined;
    let entries = node ? [node] : [];
    if (node === GENERIC && base.kind === 'subscript') {
      const later = list.slice(i + 1).some((other) => other.base.kind === 'subscript');
      const protocol = list.some(
        (other) =>
          other.target.kind === 'external' && `ext:${other.target.key}` === PROTOCOL && other.base.kind !== 'subscript',
      );
      if (later || protocol) entries = [];
    }
    return { base, target, node, entries };
  });
}

function pickBinding(list: Binding[] | undefined, before: number | undefined): Binding | undefined {
  if (!list?.length) return undefined;
  const visible = before === undefined ? list : list.filter((b) => b.at < before);
  const pool = visible.length ? visible : list;
  // `try: from a import X` / `except ImportError: from b import X`: the try body is what runs
  return [...pool].reverse().find((b) => !b.alternate) ?? pool[pool.length - 1];
}

function normaliseExternal(key: string): string {
  return EXTERNAL_ALIASES[key] ?? key;
}

/** MRO of a class outside the repository: builtins as Python has them, anything else a leaf. */
export function externalMro(node: string): string[] {
  const key = node.slice(4);
  if (key.startsWith('builtins.') && key.slice(9) in BUILTIN_PARENTS) {
    const chain: string[] = [];
    for (let name = key.slice(9); name; name = BUILTIN_PARENTS[name]) chain.push(`ext:builtins.${name}`);
    return chain;
  }
  if (node === PROTOCOL) return [PROTOCOL, GENERIC, OBJECT];
  return node === OBJECT ? [OBJECT] : [node, OBJECT];
}

/** The readable name of a node: a class's qualified name, an external's last part. */
export function labelOf(index: ClassIndex, node: string): string {
  if (node.startsWith('ext:'))
    return node
      .slice(4)
      .replace(/^builtins\./, '')
      .replace(/\?$/, '');
  return index.classes.get(node)?.qualname ?? node;
}
