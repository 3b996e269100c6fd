// Keyword arguments the Python builtins and the standard `logging` API accept: enough to prove
// that `len(x, exc_info=True)` or `type(e, exc_info=True)` is wrong and `logger.error(msg,
// exc_info=True)` is right. What CPython describes comes from its own inspect.signature
// (builtin-signatures.generated.ts); what it cannot describe is written here as special forms,
// each probed against python3 by test/unit/transforms/fix-call-syntax/builtin-signatures.test.ts.
import {
  BUILTIN_EXCEPTION_BASES,
  BUILTIN_FUNCTION_KEYWORDS,
  LOGGER_METHOD_NAMES,
  LOGGING_KEYWORD_NAMES,
  STR_METHOD_KEYWORD_NAMES,
} from './builtin-signatures.generated.js';

/** The keywords a call form accepts, or 'any' when nobody can prove one wrong. */
export type AcceptedKeywords = ReadonlySet<string> | 'any';

/** One way to call a builtin: for calls with exactly `positional` positional arguments, or for all. */
interface CallForm {
  positional?: number;
  keywords: readonly string[] | 'any';
}

/**
 * Builtins inspect.signature cannot describe (CPython 3.11: no text signature), by call form.
 * `type(obj)` takes no keywords; only `type(name, bases, namespace, **kw)` passes keywords on
 * (to the metaclass and `__init_subclass__`), so that form is unprovable.
 */
export const SPECIAL_BUILTINS: Readonly<Record<string, readonly CallForm[]>> = {
  anext: [{ keywords: [] }],
  bool: [{ keywords: [] }],
  breakpoint: [{ keywords: 'any' }], // *args, **kws go to sys.breakpointhook
  bytearray: [{ keywords: ['source', 'encoding', 'errors'] }],
  bytes: [{ keywords: ['source', 'encoding', 'errors'] }],
  classmethod: [{ keywords: [] }],
  dict: [{ keywords: 'any' }], // dict(a=1)
  dir: [{ keywords: [] }],
  filter: [{ keywords: [] }],
  frozenset: [{ keywords: [] }],
  getattr: [{ keywords: [] }],
  int: [{ keywords: ['base'] }],
  iter: [{ keywords: [] }],
  map: [{ keywords: [] }],
  max: [{ keywords: ['key', 'default'] }],
  min: [{ keywords: ['key', 'default'] }],
  next: [{ keywords: [] }],
  range: [{ keywords: [] }],
  set: [{ keywords: [] }],
  slice: [{ keywords: [] }],
  staticmethod: [{ keywords: [] }],
  str: [{ keywords: ['object', 'encoding', 'errors'] }],
  super: [{ keywords: [] }],
  type: [
    { positional: 1, keywords: [] },
    { positional: 3, keywords: 'any' },
  ],
  vars: [{ keywords: [] }],
  zip: [{ keywords: ['strict'] }],
};

/**
 * Exception constructors take no keywords (BaseException.__init__ rejects them) except these,
 * inherited by their subclasses (ModuleNotFoundError, UnboundLocalError).
 */
export const EXCEPTION_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  BaseException: [],
  ImportError: ['name', 'path'],
  AttributeError: ['name', 'obj'],
  NameError: ['name'],
};

/** Methods of `str` inspect.signature cannot describe. */
export const SPECIAL_STR_METHODS: Readonly<Record<string, readonly string[] | 'any'>> = {
  count: [],
  endswith: [],
  find: [],
  format: 'any', // '{x}'.format(x=1)
  format_map: [],
  index: [],
  maketrans: [],
  rfind: [],
  rindex: [],
  startswith: [],
};

const asSet = (keywords: readonly string[] | 'any'): AcceptedKeywords =>
  keywords === 'any' ? 'any' : new Set(keywords);

/** Whether `name` is a builtin callable (function, class or exception) this table knows. */
export function isBuiltinCallable(name: string): boolean {
  return name in BUILTIN_FUNCTION_KEYWORDS || name in SPECIAL_BUILTINS || name in BUILTIN_EXCEPTION_BASES;
}

/** Whether `name` is a builtin exception class. */
export function isBuiltinException(name: string): boolean {
  return name in BUILTIN_EXCEPTION_BASES;
}

/** The keywords a builtin exception's constructor takes: its nearest root in EXCEPTION_KEYWORDS. */
export function exceptionKeywords(name: string): ReadonlySet<string> {
  for (let n: string | undefined = name; n && n !== 'object'; n = BUILTIN_EXCEPTION_BASES[n]) {
    if (EXCEPTION_KEYWORDS[n]) return new Set(EXCEPTION_KEYWORDS[n]);
  }
  return new Set();
}

/**
 * Keywords the builtin `name` accepts when called with `positional` positional arguments
 * (undefined when a `*args` hides the count). Undefined for other names, and for a special
 * form whose call shape matches none of its forms.
 * @example builtinKeywords('type', 1) // Set {} : type(e, exc_info=True) is a TypeError
 */
export function builtinKeywords(name: string, positional: number | undefined): AcceptedKeywords | undefined {
  const described = BUILTIN_FUNCTION_KEYWORDS[name];
  if (described) return asSet(described);
  const forms = SPECIAL_BUILTINS[name];
  if (forms) {
    const form = forms.find((f) => f.positional === undefined || f.positional === positional);
    return form ? asSet(form.keywords) : undefined;
  }
  return isBuiltinException(name) ? exceptionKeywords(name) : undefined;
}

/** Keywords a method of `str` accepts, or undefined for a name that is not one. */
export function strMethodKeywords(name: string): AcceptedKeywords | undefined {
  const keywords = STR_METHOD_KEYWORD_NAMES[name] ?? SPECIAL_STR_METHODS[name];
  return keywords === undefined ? undefined : asSet(keywords);
}

/** Keywords of `Logger.error(msg, *args, …)` and its siblings, and of `logging.error(…)`. */
export const LOGGING_KEYWORDS: ReadonlySet<string> = new Set(LOGGING_KEYWORD_NAMES);

/** Logger methods (and `logging` module functions) that take LOGGING_KEYWORDS. */
export const LOGGER_METHODS: ReadonlySet<string> = new Set(LOGGER_METHOD_NAMES);
