// Module specifiers in JS/TS source, with the offsets of the text between the quotes, so edits
// never reprint the file: oxc's module record where it gives the whole answer (oxc-scan.ts), else
// raw @babel/parser (jscodeshift's parser), whose error recovery and diagnostics stay the reference.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import { scanWithOxc } from './oxc-scan.js';

const require = createRequire(import.meta.url);
let babel: typeof import('@babel/parser') | undefined;
const parser = () => (babel ??= require('@babel/parser') as typeof import('@babel/parser'));

export type SpecifierKind =
  | 'import'
  | 'export'
  | 'require'
  | 'dynamic-import'
  | 'import-equals'
  | 'import-type'
  | 'mock'
  | 'declare-module'
  | 'reference-path';

export interface ModuleSpecifier {
  kind: SpecifierKind;
  /** The specifier's text as written between the quotes. */
  value: string;
  /** String indices of the text between the quotes (what an edit replaces). */
  start: number;
  end: number;
  quote: string;
  /** 1-based position of the opening quote. */
  line: number;
  column: number;
}

/** Call targets whose first string argument is a module specifier. */
export const SPECIFIER_CALLS = new Set([
  'require',
  'require.resolve',
  'jest.mock',
  'jest.unmock',
  'jest.doMock',
  'jest.dontMock',
  'jest.requireActual',
  'jest.requireMock',
  'jest.setMock',
  'jest.createMockFromModule',
  'vi.mock',
  'vi.unmock',
  'vi.doMock',
  'vi.doUnmock',
  'vi.importActual',
  'vi.importMock',
]);

/** Parser plugins by extension, as jscodeshift's `ts`, `tsx` and `babel` parsers choose them. */
export function babelOptions(filePath: string): ParserOptions {
  const ext = path.extname(filePath).toLowerCase();
  const plugins: ParserPlugin[] =
    ext === '.ts' || ext === '.mts' || ext === '.cts'
      ? ['typescript', 'decorators-legacy']
      : ext === '.tsx'
        ? ['typescript', 'jsx', 'decorators-legacy']
        : ['jsx', 'flow', 'decorators-legacy'];
  return {
    sourceType: 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowSuperOutsideMethod: true,
    allowUndeclaredExports: true,
    errorRecovery: true,
    tokens: false,
    plugins,
  };
}

interface BabelNode {
  type: string;
  start?: number | null;
  end?: number | null;
  loc?: { start: { line: number; column: number } } | null;
  [key: string]: unknown;
}

const SKIPPED_KEYS = new Set([
  'loc',
  'start',
  'end',
  'extra',
  'comments',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'range',
  'errors',
  'tokens',
]);

/**
 * Every module specifier of a JS/TS file, in source order: import/export declarations, `import type`,
 * `require`, `import()`, `import x = require()`, `import('x').T` types, jest/vi mocks, and
 * `declare module 'x'` augmentations, and triple-slash `/// <reference path>` directives.
 * @throws the parser's SyntaxError when the file cannot be parsed even with error recovery
 */
export function scanSpecifiers(source: string, filePath: string): ModuleSpecifier[] {
  return scanWithOxc(source, filePath) ?? scanWithBabel(source, filePath);
}

/** The same scan over babel's full AST: what a file oxc cannot answer for gets, errors included. */
export function scanWithBabel(source: string, filePath: string): ModuleSpecifier[] {
  const ast = parser().parse(source, babelOptions(filePath)) as unknown as BabelNode;
  const found: ModuleSpecifier[] = [];
  const take = (node: unknown, kind: SpecifierKind) => {
    const literal = node as BabelNode | undefined;
    if (!literal || typeof literal.start !== 'number' || typeof literal.end !== 'number') return;
    if (literal.type === 'TSLiteralType') return take(literal.literal, kind);
    if (literal.type === 'StringLiteral') {
      found.push(specifier(source, literal, kind, literal.value as string));
    } else if (literal.type === 'TemplateLiteral' && (literal.expressions as unknown[]).length === 0) {
      const quasi = (literal.quasis as BabelNode[])[0];
      found.push(specifier(source, literal, kind, (quasi.value as { cooked: string }).cooked));
    }
  };
  const stack: BabelNode[] = [ast];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'ImportDeclaration':
        take(node.source, node.importKind === 'type' ? 'import-type' : 'import');
        continue;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) {
          take(node.source, 'export');
          continue;
        }
        break;
      case 'TSImportEqualsDeclaration': {
        const ref = node.moduleReference as BabelNode;
        if (ref?.type === 'TSExternalModuleReference') take(ref.expression, 'import-equals');
        continue;
      }
      case 'TSModuleDeclaration':
        // declare module '@acme/core' { … }: an augmentation follows the package it augments
        if ((node.id as BabelNode | undefined)?.type === 'StringLiteral') take(node.id, 'declare-module');
        break;
      case 'TSImportType':
        take(node.argument, 'import-type');
        break;
      case 'ImportExpression':
        take(node.source, 'dynamic-import');
        break;
      case 'CallExpression': {
        const callee = node.callee as BabelNode;
        const args = node.arguments as BabelNode[];
        if (callee.type === 'Import') take(args[0], 'dynamic-import');
        else {
          const name = calleeName(callee);
          if (name && SPECIFIER_CALLS.has(name)) take(args[0], name.startsWith('require') ? 'require' : 'mock');
        }
        break;
      }
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--)
          if (value[i] && typeof value[i].type === 'string') stack.push(value[i]);
      } else if (value && typeof value === 'object' && typeof (value as BabelNode).type === 'string') {
        stack.push(value as BabelNode);
      }
    }
  }
  const lineComments = ((ast as { comments?: BabelNode[] }).comments ?? []).filter(
    (c) => c.type === 'CommentLine' && typeof c.start === 'number',
  );
  found.push(
    ...referencePaths(
      lineComments.map((c) => ({
        value: c.value as string,
        start: c.start!,
        line: c.loc!.start.line,
        column: c.loc!.start.column + 1,
      })),
    ),
  );
  return found.sort((a, b) => a.start - b.start);
}

/**
 * `/// <reference path="../types/globals.d.ts" />`: a path relative to the file, './' optional.
 * @param comments line comments (`//` excluded from value), each with the 1-based position of its `//`
 */
export function referencePaths(
  comments: { value: string; start: number; line: number; column: number }[],
): ModuleSpecifier[] {
  const found: ModuleSpecifier[] = [];
  for (const comment of comments) {
    const match = /^\/\s*<reference\s+path\s*=\s*(["'])([^"'\n]*)\1/.exec(comment.value);
    if (!match) continue;
    const start = comment.start + 2 + match.index + match[0].length - match[2].length - 1;
    found.push({
      kind: 'reference-path',
      value: match[2],
      start,
      end: start + match[2].length,
      quote: match[1],
      line: comment.line,
      column: comment.column + (start - 1 - comment.start),
    });
  }
  return found;
}

function specifier(source: string, literal: BabelNode, kind: SpecifierKind, value: string): ModuleSpecifier {
  const start = literal.start! + 1;
  const end = literal.end! - 1;
  const loc = literal.loc!.start;
  // an escaped specifier ('\x2e/a') is left alone: its raw text differs from its value
  const raw = source.slice(start, end);
  return {
    kind,
    value: raw === value ? value : `\0${value}`,
    start,
    end,
    quote: source[literal.start!],
    line: loc.line,
    column: loc.column + 1,
  };
}

function calleeName(callee: BabelNode): string | undefined {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && !callee.computed) {
    const object = calleeName(callee.object as BabelNode);
    const property = (callee.property as BabelNode).name as string | undefined;
    return object && property ? `${object}.${property}` : undefined;
  }
  return undefined;
}
