// What a Python call really calls, as far as the repository proves it: local and module defs,
// imports across files (re-exports included), classes (through __init__/__new__ and their
// bases), `self.`/`cls.`/`super()` methods with subclass overrides, stdlib loggers and builtins.
import type { Node } from 'web-tree-sitter';
import {
  builtinKeywords,
  exceptionKeywords,
  isBuiltinCallable,
  isBuiltinException,
  LOGGING_KEYWORDS,
  LOGGER_METHODS,
  strMethodKeywords,
} from './builtin-signatures.js';
import type { BaseExpr, Binding, ClassRecord, FileScan, FunctionBinding, Scope } from '../../lib/python/class-scan.js';
import { acceptsKeyword } from '../../lib/python/signature.js';
import { ownMember } from './class-members.js';
import { TRANSPARENT_DECORATORS, type PythonSignatureIndex } from './signatures.js';

export type CalleeVerdict =
  | { kind: 'known'; description: string; accepts: (keyword: string) => boolean }
  | { kind: 'unknown'; callee: string; why: string };

type Target =
  | { kind: 'function'; fn: FunctionBinding }
  | { kind: 'class'; record: ClassRecord }
  | { kind: 'module'; module: string }
  | { kind: 'logger' }
  | { kind: 'logging-function' }
  | { kind: 'builtin'; name: string }
  | { kind: 'str-method'; name: string }
  | { kind: 'unknown'; why: string };

/** A repository class's MRO, and the keywords its builtin root (object, an exception) takes. */
type Mro = { classes: ClassRecord[]; rootKeywords: ReadonlySet<string> };
const unknown = (why: string): Target => ({ kind: 'unknown', why });

/**
 * Resolves calls in one file. `current` is the scan of the file's own (in-memory) text with every
 * scope kept; other modules come from the repository index.
 */
export class CalleeResolver {
  /** The current file's function scopes and classes, by the start of their statement. */
  private readonly functionScopes = new Map<number, Scope>();
  private readonly classesAt = new Map<number, ClassRecord>();
  private readonly currentClasses: Set<ClassRecord>;
  private readonly mros = new Map<string, Mro | undefined>();

  constructor(
    private readonly index: PythonSignatureIndex,
    private readonly current: FileScan,
  ) {
    for (const scope of current.scopes) if (scope.kind === 'function') this.functionScopes.set(scope.start, scope);
    for (const record of current.classes) this.classesAt.set(record.start, record);
    this.currentClasses = new Set(current.classes);
  }

  /** The verdict for one `call` node: which keywords it may take, or why nobody can say. */
  resolveCall(call: Node): CalleeVerdict {
    const fn = call.childForFieldName('function');
    const callee = (fn?.text ?? '').replace(/\s+/g, '');
    if (!fn) return { kind: 'unknown', callee, why: 'no callee' };
    const target = this.calleeTarget(fn);
    return this.verdictFor(target, callee, positionalCount(call));
  }

  /** `positional`: how many positional arguments the call passes (undefined behind a `*args`). */
  private verdictFor(target: Target | Target[], callee: string, positional: number | undefined): CalleeVerdict {
    const targets = Array.isArray(target) ? target : [target];
    const checks: ((k: string) => boolean)[] = [];
    for (const t of targets) {
      switch (t.kind) {
        case 'function': {
          const bad = t.fn.decorators?.find((d) => !TRANSPARENT_DECORATORS.has(d));
          if (bad) return { kind: 'unknown', callee, why: `decorated with @${bad}` };
          checks.push((k) => acceptsKeyword(t.fn.parameters, k));
          break;
        }
        case 'class': {
          const check = this.constructorCheck(t.record);
          if (typeof check === 'string') return { kind: 'unknown', callee, why: check };
          checks.push(check);
          break;
        }
        case 'logging-function':
          checks.push((k) => LOGGING_KEYWORDS.has(k));
          break;
        case 'builtin': {
          const accepted = builtinKeywords(t.name, positional);
          if (accepted === undefined)
            return { kind: 'unknown', callee, why: `a call form of ${t.name}() that no signature describes` };
          if (accepted === 'any') return { kind: 'unknown', callee, why: 'a builtin that takes any keyword' };
          checks.push((k) => accepted.has(k));
          break;
        }
        case 'str-method': {
          const accepted = strMethodKeywords(t.name);
          if (accepted === 'any' || accepted === undefined)
            return { kind: 'unknown', callee, why: `str.${t.name} takes any keyword` };
          checks.push((k) => accepted.has(k));
          break;
        }
        case 'logger':
          return { kind: 'unknown', callee, why: 'a logger object, not a function' };
        case 'module':
          return { kind: 'unknown', callee, why: `'${t.module}' is a module` };
        case 'unknown':
          return { kind: 'unknown', callee, why: t.why };
      }
    }
    // polymorphic calls (overrides): a keyword is accepted when any implementation takes it
    return { kind: 'known', description: callee, accepts: (k) => checks.some((check) => check(k)) };
  }

  private calleeTarget(fn: Node): Target | Target[] {
    if (fn.type === 'identifier') return this.resolveName(fn.text, fn);
    if (fn.type !== 'attribute') return unknown('a computed callee');
    const object = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    if (!object) return unknown('a computed callee');
    // "\n".join(lines), "{}".format(x): methods of a string literal
    if (object.type === 'string' || object.type === 'concatenated_string')
      return strMethodKeywords(attr) ? { kind: 'str-method', name: attr } : unknown(`str.${attr}`);
    const method = this.enclosingMethod(fn);
    // super().m(…): the next class in the enclosing class's MRO
    if (
      method &&
      object.type === 'call' &&
      object.childForFieldName('function')?.text === 'super' &&
      (object.childForFieldName('arguments')?.namedChildCount ?? 0) === 0
    ) {
      return this.methodTargets(method.cls, attr, true);
    }
    if (method && object.type === 'identifier' && object.text === method.self)
      return this.methodTargets(method.cls, attr, false);
    // self.logger.error(…)
    if (method && object.type === 'attribute' && object.childForFieldName('object')?.text === method.self) {
      const holder = object.childForFieldName('attribute')?.text ?? '';
      const mro = this.mroOf(method.cls);
      if ([method.cls, ...(mro?.classes ?? [])].some((c) => this.ownMember(c, holder)?.kind === 'logger'))
        return LOGGER_METHODS.has(attr) ? { kind: 'logging-function' } : unknown('a logger method');
      return unknown(`'${object.text}' is an instance attribute`);
    }
    const base = this.expressionTarget(object);
    return this.member(base, attr);
  }

  private expressionTarget(node: Node): Target {
    if (node.type === 'identifier') {
      const t = this.resolveName(node.text, node);
      return Array.isArray(t) ? unknown('a method') : t;
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      if (!object) return unknown('a computed callee');
      return this.member(this.expressionTarget(object), node.childForFieldName('attribute')?.text ?? '');
    }
    if (node.type === 'call' && node.childForFieldName('function')?.text.replace(/\s+/g, '') === 'logging.getLogger')
      return { kind: 'logger' };
    return unknown('a computed callee');
  }

  /** `target.attr`: a module member, a class attribute, a logger method. */
  private member(target: Target, attr: string): Target {
    switch (target.kind) {
      case 'module':
        return this.moduleMember(target.module, attr, 0);
      case 'class': {
        const found = this.findInClass(target.record, attr);
        return found ?? unknown(`no '${attr}' in class ${target.record.name}`);
      }
      case 'logger':
        return LOGGER_METHODS.has(attr) ? { kind: 'logging-function' } : unknown('a logger attribute');
      case 'unknown':
        return target;
      default:
        return unknown('an attribute of a value');
    }
  }

  /** A name at a point in the file: enclosing function scopes, comprehensions, module, builtins. */
  private resolveName(name: string, at: Node): Target | Target[] {
    for (let p = at.parent; p; p = p.parent) {
      if (p.type === 'function_definition') {
        // every binding site of the function counts: a for loop, a with, an except, a walrus or
        // a global statement rebinding the name makes it a local name, not the def it shadows
        const bindings = this.functionScopes.get(p.startIndex)?.bindings.get(name);
        if (bindings) return this.fromBindings(bindings, this.current, 'a local name');
      } else if (p.type === 'lambda' || p.type.endsWith('comprehension') || p.type === 'generator_expression') {
        if (boundIn(p, name)) return unknown('a local name');
      } else if (p.type === 'class_definition' && !hasFunctionBetween(at, p)) {
        const record = this.classesAt.get(p.startIndex);
        const body = record && this.current.scopes[record.bodyScope];
        if (!record || body?.bindings.has(name) || record.selfAttributes?.includes(name))
          return unknown('a class attribute');
      }
    }
    return this.moduleName(this.current, name, 0);
  }

  private moduleName(scan: FileScan, name: string, depth: number): Target {
    const bindings = scan.scopes[0].bindings.get(name);
    if (bindings) return this.fromBindings(bindings, scan, 'a module-level variable', depth);
    for (const star of scan.stars) {
      if (star.module === undefined) continue;
      const t = this.moduleMember(star.module, name, depth + 1);
      if (t.kind !== 'unknown') return t;
      if (!this.index.fileOf(star.module)) return unknown(`maybe from 'from ${star.module} import *'`);
    }
    if (isBuiltinCallable(name)) return { kind: 'builtin', name };
    return unknown(`not defined in ${scan.file}`);
  }

  /** What a name's bindings in one scope of `scan` make of it. */
  private fromBindings(bindings: Binding[], scan: FileScan, variable: string, depth = 0): Target {
    // several module-level defs of one name: the last one runs, unless one is conditional
    const binding =
      bindings.length === 1 || bindings.every((b) => b.kind === 'function') ? bindings[bindings.length - 1] : undefined;
    if (!binding) return unknown('bound more than once');
    switch (binding.kind) {
      case 'function':
        return { kind: 'function', fn: binding };
      case 'class': {
        const record = scan.classes.find((c) => c.id === binding.classId);
        return record ? { kind: 'class', record } : unknown(variable);
      }
      case 'module':
        return binding.module === undefined ? unknown(variable) : { kind: 'module', module: binding.module };
      case 'from':
        if (binding.module === undefined) return unknown(variable);
        return this.moduleMember(binding.module, binding.name, depth + 1);
      case 'logger':
        return { kind: 'logger' };
      default:
        return unknown(variable);
    }
  }

  /** `name` as seen from module `module`: its own binding, a re-export, or a submodule. */
  private moduleMember(module: string, name: string, depth: number): Target {
    if (depth > 20) return unknown('an import cycle');
    const file = this.index.fileOf(module);
    if (!file) {
      if (this.index.repo.python.resolve(`${module}.${name}`)) return { kind: 'module', module: `${module}.${name}` };
      if (module === 'logging' && LOGGER_METHODS.has(name)) return { kind: 'logging-function' };
      return unknown(`imported from '${module}', outside the repository`);
    }
    const scan = file === this.current.file ? this.current : this.index.module(file);
    if (!scan) return unknown(`'${file}' cannot be read`);
    if (scan.scopes[0].bindings.has(name)) return this.moduleName(scan, name, depth);
    if (this.index.fileOf(`${module}.${name}`) || this.index.repo.python.resolve(`${module}.${name}`))
      return { kind: 'module', module: `${module}.${name}` };
    return this.moduleName(scan, name, depth);
  }

  /** The scan a class record belongs to (its scope numbers are that scan's). */
  private scanOf(record: ClassRecord): FileScan | undefined {
    return this.currentClasses.has(record) ? this.current : this.index.module(record.file);
  }

  /** The method around a node: its class and the name its first parameter gives the instance. */
  private enclosingMethod(node: Node): { cls: ClassRecord; self: string } | undefined {
    for (let p = node.parent; p; p = p.parent) {
      if (p.type !== 'function_definition') continue;
      const holder = p.parent?.type === 'decorated_definition' ? p.parent.parent : p.parent;
      const cls = holder?.type === 'block' ? holder.parent : null;
      if (cls?.type !== 'class_definition') return undefined;
      const decorators =
        p.parent?.type === 'decorated_definition'
          ? p.parent.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text)
          : [];
      if (decorators.some((d) => /staticmethod/.test(d))) return undefined;
      const first = p
        .childForFieldName('parameters')
        ?.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'typed_parameter');
      const self = first?.type === 'typed_parameter' ? first.namedChildren[0]?.text : first?.text;
      const record = self ? this.classesAt.get(cls.startIndex) : undefined;
      return record && self ? { cls: record, self } : undefined;
    }
    return undefined;
  }

  /** `self.m` / `super().m`: the implementation the MRO finds, plus every subclass override. */
  private methodTargets(cls: ClassRecord, name: string, skipSelf: boolean): Target | Target[] {
    const mro = this.mroOf(cls);
    const chain = mro ? mro.classes : [cls];
    const searched = skipSelf ? chain.slice(1) : chain;
    let found: Target | undefined;
    for (const c of searched) {
      const t = this.ownMember(c, name);
      if (t) {
        found = t;
        break;
      }
    }
    if (!found)
      return unknown(
        mro
          ? `no method '${name}' in ${cls.name} or its bases`
          : `'${name}' may come from a base class outside the repository`,
      );
    if (found.kind !== 'function') return found;
    const targets: Target[] = [found];
    if (!skipSelf) {
      for (const sub of this.index.subclassesOf(cls, (c) => this.basesOf(c))) {
        const override = this.ownMember(sub, name);
        if (override) targets.push(override);
      }
    }
    return targets;
  }

  private ownMember(c: ClassRecord, name: string): Target | undefined {
    const scan = this.scanOf(c);
    const m = scan && ownMember(scan, c, name);
    switch (m?.kind) {
      case undefined:
        return undefined;
      case 'logger':
        return { kind: 'logger' };
      case 'attribute':
        return unknown(`'${name}' is an attribute set at run time`);
      case 'ambiguous':
        return unknown(`'${c.name}.${name}' is defined conditionally`);
      case 'method':
        if (m.fn.decorators?.some((d) => d.endsWith('property'))) return unknown(`'${c.name}.${name}' is a property`);
        return { kind: 'function', fn: m.fn };
    }
  }

  private findInClass(cls: ClassRecord, name: string): Target | undefined {
    const mro = this.mroOf(cls);
    for (const c of mro ? mro.classes : [cls]) {
      const t = this.ownMember(c, name);
      if (t) return t;
    }
    return mro ? undefined : unknown(`'${name}' may come from a base class outside the repository`);
  }

  /** A keyword check for `Class(…)`, or why there is none. */
  private constructorCheck(cls: ClassRecord): ((k: string) => boolean) | string {
    const mro = this.mroOf(cls);
    if (!mro) return `class ${cls.name} has a base outside the repository`;
    const found: { __init__?: FunctionBinding; __new__?: FunctionBinding } = {};
    for (const c of mro.classes) {
      if (c.decorators?.length) return `class ${c.name} is decorated with @${c.decorators[0]}`;
      if (c.splat || c.header?.items.some((item) => item.kind === 'keyword'))
        return `class ${c.name} has a metaclass or class keywords`;
      for (const slot of ['__init__', '__new__'] as const) {
        const scan = this.scanOf(c);
        const m = scan && ownMember(scan, c, slot);
        if (m && m.kind !== 'method') return `${c.name}.${slot} is defined conditionally`;
        if (m) found[slot] ??= m.fn;
      }
    }
    for (const slot of ['__init__', '__new__'] as const) {
      const bad = found[slot]?.decorators?.find((d) => !TRANSPARENT_DECORATORS.has(d));
      if (bad) return `${slot} is decorated with @${bad}`;
    }
    const { __init__: i, __new__: n } = found;
    // object() takes no keyword arguments; builtin exceptions take theirs (AttributeError: name, obj)
    if (!i && !n) return (k) => mro.rootKeywords.has(k);
    return (k) => (i ? acceptsKeyword(i.parameters, k) : true) && (n ? acceptsKeyword(n.parameters, k) : true);
  }

  /** Resolved direct bases: a class record, or undefined when outside the repository. */
  basesOf(cls: ClassRecord): (ClassRecord | undefined)[] {
    return cls.bases.map((b) => {
      const t = this.baseTarget(cls, b);
      return t.kind === 'class' ? t.record : undefined;
    });
  }

  /** A base as seen from the module scope of the class's file (`Base[T]` as `Base`). */
  private baseTarget(cls: ClassRecord, base: BaseExpr): Target {
    const scan = cls.file === this.current.file ? this.current : this.index.module(cls.file);
    if (!scan || !base.path || base.kind === 'call' || base.kind === 'other') return unknown('a computed base');
    let t = this.moduleName(scan, base.path[0], 0);
    for (const part of base.path.slice(1)) t = this.member(t, part);
    return t;
  }

  /** C3 linearisation over repository classes; undefined when a base is outside it. */
  private mroOf(cls: ClassRecord, stack: string[] = []): Mro | undefined {
    const key = cls.id;
    if (this.mros.has(key)) return this.mros.get(key);
    if (stack.includes(key)) return undefined;
    const rootKeywords = new Set<string>();
    const parents: Mro[] = [];
    const direct: ClassRecord[] = [];
    for (const base of cls.bases) {
      const t = this.baseTarget(cls, base);
      if (t.kind === 'builtin' && (t.name === 'object' || isBuiltinException(t.name))) {
        for (const k of exceptionKeywords(t.name)) rootKeywords.add(k);
        continue;
      }
      if (t.kind !== 'class') {
        this.mros.set(key, undefined);
        return undefined;
      }
      const parent = this.mroOf(t.record, [...stack, key]);
      if (!parent) {
        this.mros.set(key, undefined);
        return undefined;
      }
      for (const k of parent.rootKeywords) rootKeywords.add(k);
      parents.push(parent);
      direct.push(t.record);
    }
    const merged = c3([...parents.map((p) => p.classes), direct]);
    const result = merged ? { classes: [cls, ...merged], rootKeywords } : undefined;
    this.mros.set(key, result);
    return result;
  }
}

function c3(sequences: ClassRecord[][]): ClassRecord[] | undefined {
  const seqs = sequences.map((s) => [...s]).filter((s) => s.length);
  const out: ClassRecord[] = [];
  while (seqs.length) {
    const head = seqs.map((s) => s[0]).find((h) => !seqs.some((s) => s.slice(1).some((c) => c.id === h.id)));
    if (!head) return undefined;
    out.push(head);
    for (const s of seqs) if (s[0].id === head.id) s.shift();
    for (let i = seqs.length - 1; i >= 0; i--) if (!seqs[i].length) seqs.splice(i, 1);
  }
  return out;
}

/** Positional arguments of a call, or undefined when a `*args` hides how many. */
function positionalCount(call: Node): number | undefined {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return list ? 1 : 0; // f(x for x in y): one generator
  let count = 0;
  for (const arg of list.namedChildren) {
    if (!arg || arg.type === 'comment' || arg.type === 'keyword_argument' || arg.type === 'dictionary_splat') continue;
    if (arg.type === 'list_splat') return undefined;
    count++;
  }
  return count;
}

/** A lambda parameter or comprehension variable named `name`. */
function boundIn(node: Node, name: string): boolean {
  if (node.type === 'lambda') {
    const params = node.childForFieldName('parameters');
    return !!params && params.text.split(/[^\w]+/).includes(name);
  }
  return node.namedChildren.some(
    (c) => c?.type === 'for_in_clause' && (c.childForFieldName('left')?.text ?? '').split(/[^\w]+/).includes(name),
  );
}

function hasFunctionBetween(node: Node, ancestor: Node): boolean {
  for (let p = node.parent; p && p.id !== ancestor.id; p = p.parent)
    if (p.type === 'function_definition' || p.type === 'lambda') return true;
  return false;
}
