// The specifier scan over oxc's ESTree AST, for files whose module record is not the whole answer
// (require and mock calls, `import x = require()`, `declare module 'x'`, import types, nested
// declarations): the babel scan's walk, node for node, on the ESTree shapes oxc gives.
import type { Comment } from 'oxc-parser';
import { referencePaths, SPECIFIER_CALLS, type ModuleSpecifier, type SpecifierKind } from './specifiers.js';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

type Position = (index: number) => { line: number; column: number };

/** Every specifier in the program (JSON as oxc's binding returns it), in source order, as the babel scan lists them. */
export function scanOxcAst(
  source: string,
  programJson: string,
  comments: Comment[],
  position: Position,
): ModuleSpecifier[] {
  const program = (JSON.parse(programJson) as { node: Node }).node;
  const found: ModuleSpecifier[] = [];
  const take = (node: unknown, kind: SpecifierKind) => {
    const literal = node as Node | undefined | null;
    if (!literal || typeof literal.start !== 'number') return;
    if (literal.type === 'Literal' && typeof literal.value === 'string') {
      found.push(specifier(source, literal, kind, literal.value, position));
    } else if (literal.type === 'TemplateLiteral' && (literal.expressions as unknown[]).length === 0) {
      const quasi = (literal.quasis as Node[])[0];
      found.push(specifier(source, literal, kind, (quasi.value as { cooked: string }).cooked, position));
    }
  };
  const stack: Node[] = [program];
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
        const ref = node.moduleReference as Node;
        if (ref?.type === 'TSExternalModuleReference') take(ref.expression, 'import-equals');
        continue;
      }
      case 'TSModuleDeclaration':
        // declare module '@acme/core' { … }: an augmentation follows the package it augments
        if ((node.id as Node | undefined)?.type === 'Literal') take(node.id, 'declare-module');
        break;
      case 'TSImportType':
        take(node.source ?? node.argument, 'import-type');
        break;
      case 'ImportExpression':
        take(node.source, 'dynamic-import');
        break;
      case 'CallExpression': {
        // `require?.('x')` is an optional call, which the babel scan does not take either
        if (node.optional) break;
        const name = calleeName(node.callee as Node);
        if (name && SPECIFIER_CALLS.has(name))
          take((node.arguments as Node[])[0], name.startsWith('require') ? 'require' : 'mock');
        break;
      }
    }
    for (const key in node) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--)
          if (value[i] && typeof value[i].type === 'string') stack.push(value[i]);
      } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
  const lineComments = comments
    .filter((c) => c.type === 'Line')
    .map((c) => ({ value: c.value, start: c.start, ...position(c.start) }));
  found.push(...referencePaths(lineComments));
  return found.sort((a, b) => a.start - b.start);
}

function specifier(
  source: string,
  literal: Node,
  kind: SpecifierKind,
  value: string,
  position: Position,
): ModuleSpecifier {
  const start = literal.start + 1;
  const end = literal.end - 1;
  // an escaped specifier ('\x2e/a') is left alone: its raw text differs from its value
  const raw = source.slice(start, end);
  return {
    kind,
    value: raw === value ? value : `\0${value}`,
    start,
    end,
    quote: source[literal.start],
    ...position(literal.start),
  };
}

/** `jest.mock` for a plain member chain; an optional or computed link is no callee name (babel's OptionalMemberExpression). */
function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && !callee.computed && !callee.optional) {
    const object = calleeName(callee.object as Node);
    const property = (callee.property as Node).name as string | undefined;
    return object && property ? `${object}.${property}` : undefined;
  }
  return undefined;
}
