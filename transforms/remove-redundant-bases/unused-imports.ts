// After a base is removed, the import that only served it would fail the next lint run
// (flake8 F401): `from pkg.mixins import BackfillMixin` goes too when nothing else in the file
// names BackfillMixin. Conservative on purpose: any other mention of the name (code, a string
// annotation, a docstring, a comment) keeps the import; so do __init__.py files (re-exports),
// names listed in __all__, star and plain `import m` imports, and imports inside blocks.
import { extractImports, type PythonImport } from '../../lib/python/imports.js';
import { EditSet } from '../../lib/text/edit-set.js';
import { withPythonTree } from '../../lib/python/parser.js';
import { removeListItems } from '../../lib/text/remove-list-items.js';

export interface DroppedImport {
  /** As written: `BackfillMixin`, or `BackfillMixin as Backfill`. */
  name: string;
  /** The module as written, leading dots included. */
  module: string;
  /** String index of the name in the text before the drop. */
  index: number;
}

/**
 * `text` with the from-imports of `candidates` (names bound by a removed base) dropped where
 * nothing else in the file mentions them.
 */
export async function dropUnusedImports(
  text: string,
  relPath: string,
  candidates: ReadonlySet<string>,
  all: readonly string[] | null | undefined,
): Promise<{ text: string; dropped: DroppedImport[] }> {
  if (candidates.size === 0 || /(^|\/)__init__\.pyi?$/.test(relPath)) return { text, dropped: [] };
  return withPythonTree(text, (tree) => {
    const imports = extractImports(tree.rootNode, text);
    const mentioned = mentionsOutsideImports(text, imports, candidates);
    // only statements directly in the module: deleting one from a block could leave the block empty
    const moduleLevel = new Set(
      tree.rootNode.children.flatMap((child) => (child && /import/.test(child.type) ? [child.startIndex] : [])),
    );
    const edits = new EditSet(text);
    const dropped: DroppedImport[] = [];
    for (const imp of imports) {
      if (imp.kind !== 'from' || imp.future || !moduleLevel.has(imp.statementStart)) continue;
      const drop = imp.names.flatMap((n, i) => {
        const bound = n.alias ?? n.name;
        return n.name !== '*' && candidates.has(bound) && !mentioned.has(bound) && !all?.includes(bound) ? [i] : [];
      });
      if (drop.length === 0) continue;
      if (drop.length === imp.names.length) {
        const lines = statementLines(text, imp);
        if (!lines) continue; // `import os; from m import A`: not worth a guess
        edits.delete(...lines);
      } else {
        const bounds = { open: imp.names[0].start, close: listEnd(text, imp) };
        for (const edit of removeListItems(text, bounds, imp.names, drop))
          edits.replace(edit.start, edit.end, edit.text);
      }
      const module = text.slice(imp.specifierStart, imp.specifierEnd);
      for (const i of drop)
        dropped.push({ name: text.slice(imp.names[i].start, imp.names[i].end), module, index: imp.names[i].nameStart });
    }
    return { text: edits.size ? edits.apply() : text, dropped };
  });
}

/** Candidate names that appear as a word anywhere but in import statements. */
function mentionsOutsideImports(
  text: string,
  imports: readonly PythonImport[],
  candidates: ReadonlySet<string>,
): Set<string> {
  let rest = '';
  let cursor = 0;
  const statements = [...new Map(imports.map((i) => [i.statementStart, i])).values()].sort(
    (a, b) => a.statementStart - b.statementStart,
  );
  for (const imp of statements) {
    rest += text.slice(cursor, imp.statementStart) + ' ';
    cursor = Math.max(cursor, imp.statementEnd);
  }
  rest += text.slice(cursor);
  const mentioned = new Set<string>();
  for (const word of rest.match(/[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/gu) ?? [])
    if (candidates.has(word)) mentioned.add(word);
  return mentioned;
}

/** Where the imported names end: the closing parenthesis, or the statement's end. */
function listEnd(text: string, imp: PythonImport): number {
  const last = imp.names[imp.names.length - 1];
  const paren = text.indexOf(')', last.end);
  return paren !== -1 && paren < imp.statementEnd ? paren : imp.statementEnd;
}

/**
 * The statement's whole line when it has the line to itself (a trailing comment goes too), and
 * a blank line before it when blank lines surround it: no gap grows by one. Undefined when it
 * shares its line with other code.
 */
function statementLines(text: string, imp: PythonImport): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', imp.statementStart - 1) + 1;
  const newline = text.indexOf('\n', imp.statementEnd);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone =
    /^[ \t]*$/.test(text.slice(lineStart, imp.statementStart)) &&
    /^[ \t]*(#[^\n]*)?\r?\n?$/.test(text.slice(imp.statementEnd, lineEnd));
  if (!alone) return undefined;
  const previousStart = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
  const blankBefore = previousStart !== -1 && /^[ \t]*\r?\n$/.test(text.slice(previousStart, lineStart));
  const nextEnd = text.indexOf('\n', lineEnd);
  const blankAfter =
    /^[ \t]*\r?$/.test(text.slice(lineEnd, nextEnd === -1 ? text.length : nextEnd)) && lineEnd < text.length;
  return [blankBefore && blankAfter ? previousStart : lineStart, lineEnd];
}
