// The fast path of the specifier scan: oxc-parser's module record (static imports, exports-from,
// dynamic imports, with UTF-16 spans) instead of a full babel AST. It answers only when it can give
// exactly what the babel scan gives; for anything else it answers undefined and the babel scan runs.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Comment, EcmaScriptModule, OxcError } from 'oxc-parser';
import { lineIndexAt } from '../../lib/text/positions.js';
import { scanOxcAst } from './oxc-ast-scan.js';
import type { ModuleSpecifier, SpecifierKind } from './specifiers.js';

/** The native result: `program` is the AST as a JSON string, built in Rust whether read or not. */
interface NativeParseResult {
  readonly program: string;
  readonly module: EcmaScriptModule;
  readonly comments: Comment[];
  readonly errors: OxcError[];
}
type Binding = {
  parseSync(
    filename: string,
    source: string,
    options: { sourceType: 'module'; preserveParens: boolean },
  ): NativeParseResult;
};

const require = createRequire(import.meta.url);
let binding: Binding | undefined | null;
/**
 * oxc-parser's native binding (its wrapper would hide the AST's JSON, which we only search), or
 * null where it does not load: the babel scan then does all the work. Pinned: the path is internal.
 */
const parser = () => {
  if (binding === undefined) {
    try {
      binding = require('oxc-parser/src-js/bindings.js') as Binding;
    } catch {
      binding = null;
    }
  }
  return binding;
};

/** What the scan and the doc pass need from one parse. */
export interface OxcParse {
  module: EcmaScriptModule;
  comments: Comment[];
  /** The AST as JSON: parsed only when the record is not the whole answer. */
  programJson: string;
  /** The module record lists every import/export declaration and import() of the file, and it has no import type. */
  complete: boolean;
}

const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*`;
/**
 * Text that may hold a form the module record does not list: require calls, `import x = require()`,
 * jest/vi mocks, `declare module 'x'`, `/// <reference path>`.
 * A superset: a match only costs the walk over the whole AST, a miss would lose a specifier.
 */
const OTHER_FORMS = new RegExp(String.raw`\brequire\b|\b(?:jest|vi)\b|\bmodule${GAP}['"]|<reference`);
/** ESTree node types in the AST's JSON (a string literal's text is escaped there, so it never matches). */
const DECLARATION_TYPES =
  /"type":"(ImportDeclaration|ImportExpression|TSImportType|ExportNamedDeclaration|ExportAllDeclaration|ExportDefaultDeclaration)"/g;
/** `import type { T }`, `import type * as ns`, `import type T` (not `import typeKeyword`, `import type from`, `import type, { a }`). */
const TYPE_ONLY_IMPORT = new RegExp(
  String.raw`^import${GAP}type(?![\p{ID_Continue}$\u200c\u200d])${GAP}(?:[{*]|(?!from(?![\p{ID_Continue}$]))[\p{ID_Start}$_])`,
  'u',
);

/** The last parse, kept for the scan that follows the doc pass on the same text. */
let last: { source: string; filePath: string; result: OxcParse | undefined } | undefined;

/** oxc's parse of a file without syntax errors, or undefined (errors, or no oxc here). */
export function parseWithOxc(source: string, filePath: string): OxcParse | undefined {
  if (last?.source === source && last.filePath === filePath) return last.result;
  const oxcParser = parser();
  if (!oxcParser) return undefined;
  // no ParenthesizedExpression nodes: babel (jscodeshift's options) sees through parentheses too
  const native = oxcParser.parseSync(oxcFileName(filePath), source, { sourceType: 'module', preserveParens: false });
  // each getter moves its value out of Rust: read them all now, or the rest lives until a GC finalizes it
  const { program, module, comments, errors } = native;
  const result = errors.length
    ? undefined
    : { module, comments, programJson: program, complete: recordIsComplete(program, module) };
  last = { source, filePath, result };
  return result;
}

/**
 * The record lists top-level declarations only, and no import types (`import('x').T`): nested ones
 * (`declare module 'x' { export * from '../../lib/js/y' }`, an import in a block under babel's
 * allowImportExportEverywhere) would be missed, so the AST must hold no more than the record.
 */
function recordIsComplete(programJson: string, record: EcmaScriptModule): boolean {
  let imports = 0;
  let dynamic = 0;
  let exports = 0;
  for (const match of programJson.matchAll(DECLARATION_TYPES)) {
    const type = match[1];
    if (type === 'TSImportType') return false;
    if (type === 'ImportDeclaration') imports++;
    else if (type === 'ImportExpression') dynamic++;
    else exports++;
  }
  return (
    imports === record.staticImports.length &&
    dynamic === record.dynamicImports.length &&
    exports === record.staticExports.length
  );
}

/** oxc picks the dialect from the name: `.js`/`.mjs`/`.cjs` allow JSX as babel's `jsx` plugin does. */
function oxcFileName(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.ts' || ext === '.tsx' || ext === '.mts' || ext === '.cts'
    ? filePath
    : `${filePath.slice(0, filePath.length - ext.length)}.jsx`;
}

/**
 * The file's specifiers as the babel scan lists them: from the module record when it is the whole
 * answer, else from a walk over oxc's AST; undefined when the file has syntax errors (babel's error
 * recovery decides what it holds, and its message is the diagnostic).
 */
export function scanWithOxc(source: string, filePath: string): ModuleSpecifier[] | undefined {
  const result = parseWithOxc(source, filePath);
  if (!result) return undefined;
  const lines = new LineIndex(source);
  const fromRecord =
    result.complete && !OTHER_FORMS.test(source) ? scanRecord(source, result.module, lines) : undefined;
  return fromRecord ?? scanOxcAst(source, result.programJson, result.comments, (index) => lines.at(index));
}

/** The record's imports, exports-from and import() calls; undefined for an escape or a parenthesised import() argument. */
function scanRecord(source: string, record: EcmaScriptModule, lines: LineIndex): ModuleSpecifier[] | undefined {
  const found: ModuleSpecifier[] = [];
  for (const imp of record.staticImports) {
    const kind = TYPE_ONLY_IMPORT.test(source.slice(imp.start, imp.moduleRequest.start)) ? 'import-type' : 'import';
    if (!take(source, imp.moduleRequest.start, imp.moduleRequest.end, kind, found, lines)) return undefined;
  }
  const seen = new Set<number>();
  for (const statement of record.staticExports) {
    for (const entry of statement.entries) {
      // `import { x } from 'a'; export { x }`: the entry names 'a' (an indirect export, spanning the import
      // statement), but 'a' is written before it, in the import; an export's own source follows its names
      const request = entry.moduleRequest;
      if (!request || request.start < entry.start || seen.has(request.start)) continue;
      seen.add(request.start);
      if (!take(source, request.start, request.end, 'export', found, lines)) return undefined;
    }
  }
  for (const call of record.dynamicImports) {
    const { start, end } = call.moduleRequest;
    const quote = source[start];
    // import(name), import('a' + b), import(`${dir}/x`): not one literal, so not a specifier (as in the babel scan)
    if (quote === '(') return undefined; // import(('x')): babel sees through the parentheses
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    const inner = source.slice(start + 1, end - 1);
    if (source[end - 1] !== quote || inner.includes(quote)) continue;
    if (quote === '`' && inner.includes('${')) continue;
    if (!take(source, start, end, 'dynamic-import', found, lines)) return undefined;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Adds the literal at [start, end) (quotes included); false when it holds an escape (the AST walk cooks it). */
function take(
  source: string,
  start: number,
  end: number,
  kind: SpecifierKind,
  found: ModuleSpecifier[],
  lines: LineIndex,
): boolean {
  const value = source.slice(start + 1, end - 1);
  if (value.includes('\\')) return false;
  const { line, column } = lines.at(start);
  found.push({ kind, value, start: start + 1, end: end - 1, quote: source[start], line, column });
  return true;
}

/** Babel's line numbering: `\r\n`, `\r`, `\n`, U+2028 and U+2029 each end a line; columns in UTF-16 units. */
class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly source: string) {}

  at(index: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.source));
    const line = lineIndexAt(starts, index);
    return { line: line + 1, column: index - starts[line] + 1 };
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (const match of source.matchAll(/\r\n?|[\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}
