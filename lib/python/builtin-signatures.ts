// Keyword arguments the Python builtins and the standard `logging` API accept: enough to prove
// that `len(x, exc_info=True)` is wrong and `logger.error(msg, exc_info=True)` is right.

const k = (...names: string[]) => new Set(names);

/** Builtin callables by name: the keywords they accept, or 'any' (dict(**kw), type(…, **kw)). */
export const BUILTIN_KEYWORDS = new Map<string, ReadonlySet<string> | 'any'>([
  ['abs', k()], ['aiter', k()], ['all', k()], ['anext', k()], ['any', k()], ['ascii', k()], ['bin', k()],
  ['bool', k()], ['breakpoint', 'any'], ['bytearray', k('source', 'encoding', 'errors')], ['bytes', k('source', 'encoding', 'errors')],
  ['callable', k()], ['chr', k()], ['classmethod', k()], ['compile', k('source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version')],
  ['complex', k('real', 'imag')], ['delattr', k()], ['dict', 'any'], ['dir', k()], ['divmod', k()], ['enumerate', k('iterable', 'start')],
  ['eval', k()], ['exec', k('closure')], ['filter', k()], ['float', k()], ['format', k()], ['frozenset', k()], ['getattr', k()],
  ['globals', k()], ['hasattr', k()], ['hash', k()], ['help', 'any'], ['hex', k()], ['id', k()], ['input', k()],
  ['int', k('base')], ['isinstance', k()], ['issubclass', k()], ['iter', k()], ['len', k()], ['list', k()], ['locals', k()],
  ['map', k()], ['max', k('key', 'default')], ['memoryview', k('object')], ['min', k('key', 'default')], ['next', k()],
  ['object', k()], ['oct', k()], ['open', k('file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener')],
  ['ord', k()], ['pow', k('base', 'exp', 'mod')], ['print', k('sep', 'end', 'file', 'flush')], ['property', k('fget', 'fset', 'fdel', 'doc')],
  ['range', k()], ['repr', k()], ['reversed', k()], ['round', k('number', 'ndigits')], ['set', k()], ['setattr', k()],
  ['slice', k()], ['sorted', k('key', 'reverse')], ['staticmethod', k()], ['str', k('object', 'encoding', 'errors')],
  ['sum', k('start')], ['super', k()], ['tuple', k()], ['type', 'any'], ['vars', k()], ['zip', k('strict')],
  ['__import__', k('name', 'globals', 'locals', 'fromlist', 'level')],
]);

const EXCEPTION = /^(BaseException|Exception|[A-Z]\w*(Error|Exception|Warning)|StopIteration|StopAsyncIteration|KeyboardInterrupt|SystemExit|GeneratorExit)$/;

/** Keywords a builtin name accepts; builtin exceptions take none. Undefined for other names. */
export function builtinKeywords(name: string): ReadonlySet<string> | 'any' | undefined {
  return BUILTIN_KEYWORDS.get(name) ?? (EXCEPTION.test(name) ? k() : undefined);
}

/** Keywords of `Logger.error(msg, *args, …)` and its siblings, and of `logging.error(…)`. */
export const LOGGING_KEYWORDS: ReadonlySet<string> = k('exc_info', 'stack_info', 'stacklevel', 'extra');

/** Logger methods (and `logging` module functions) that take LOGGING_KEYWORDS. */
export const LOGGER_METHODS: ReadonlySet<string> = k('debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log');

/** Methods of `str`, for calls on a literal (`"\n".join(lines)`): keywords accepted, or 'any'. */
export const STR_METHOD_KEYWORDS = new Map<string, ReadonlySet<string> | 'any'>([
  ['format', 'any'], ['format_map', k()], ['join', k()], ['split', k('sep', 'maxsplit')], ['rsplit', k('sep', 'maxsplit')],
  ['splitlines', k('keepends')], ['encode', k('encoding', 'errors')], ['expandtabs', k('tabsize')],
  ...['strip', 'lstrip', 'rstrip', 'startswith', 'endswith', 'replace', 'lower', 'upper', 'title', 'capitalize', 'casefold',
    'swapcase', 'count', 'find', 'rfind', 'index', 'rindex', 'center', 'ljust', 'rjust', 'zfill', 'partition', 'rpartition',
    'translate', 'removeprefix', 'removesuffix', 'isdigit', 'isalpha', 'isalnum', 'isspace', 'islower', 'isupper'].map((m) => [m, k()] as const),
]);
