// Python files that do not parse: tree-sitter still recovers every statement around the damage,
// so edits whose lines (and the lines next to them) carry no ERROR or MISSING node are kept;
// anything the rules would touch inside the damage is an error naming its line.
import type { Node } from 'web-tree-sitter';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { EditSet } from '../../lib/text/edit-set.js';
import { grammarProblem } from '../../lib/python/grammar-errors.js';
import { walk } from '../../lib/python/parser.js';
import { plural } from '../../lib/engine/totals.js';
import { messages } from './messages.js';
import type { RewriteContext } from './report.js';

/** An EditSet that refuses, and remembers, every edit touching a damaged line. */
export class GuardedEdits extends EditSet {
  readonly refused: number[] = [];

  constructor(
    source: string,
    private readonly isDamaged: (start: number, end: number) => boolean,
  ) {
    super(source);
  }

  override replace(start: number, end: number, text: string): this {
    if (this.isDamaged(start, end)) {
      this.refused.push(start);
      return this;
    }
    return super.replace(start, end, text);
  }
}

/** The damaged lines of a tree: each ERROR or MISSING node's lines, widened by one line each side. */
export function damagedLines(root: Node, source: string): (start: number, end: number) => boolean {
  const ranges: [number, number][] = [];
  walk(root, (n) => {
    if (n.isError || n.isMissing) {
      ranges.push([n.startPosition.row - 1, n.endPosition.row + 1]);
      return false;
    }
    return n.hasError;
  });
  const rowOf = (index: number) => positionAt(source, index).line - 1;
  return (start, end) => {
    const first = rowOf(start);
    const last = rowOf(end);
    return ranges.some(([a, b]) => first <= b && last >= a);
  };
}

/**
 * Report a damaged file: a `parse-error` warning at its first syntax error (the engine counts the
 * file as failed), and a `damaged-reference` error on each line where a rewrite was refused or an
 * old module (or, in a file that moves, a relative import) sits in the damage.
 */
export function reportDamage(
  root: Node,
  source: string,
  ctx: RewriteContext,
  edits: GuardedEdits,
  isDamaged: (start: number, end: number) => boolean,
  moving: boolean,
): void {
  const problem = grammarProblem(root, source);
  const lines = new Map<number, { index: number; found: string }>();
  const note = (index: number, found: string) => {
    const line = positionAt(source, index).line;
    if (!lines.has(line)) lines.set(line, { index, found });
  };
  for (const index of edits.refused) note(index, wordAt(source, index));
  const prefixes = new Set(ctx.set.python.map((r) => r.from));
  for (const prefix of prefixes) {
    for (let i = source.indexOf(prefix); i !== -1; i = source.indexOf(prefix, i + 1)) {
      const after = source[i + prefix.length] ?? ' ';
      if (
        /[\w.]/.test(source[i - 1] ?? ' ') ||
        /\w/.test(after) ||
        (after === '.' && !/\w/.test(source[i + prefix.length + 1] ?? ' '))
      )
        continue;
      if (isDamaged(i, i + prefix.length)) note(i, wordAt(source, i));
    }
  }
  if (moving) {
    // a relative import means something else once the file moves: in the damage it cannot be followed
    for (const match of source.matchAll(/\bfrom[ \t]+(\.+[\w.]*)/g))
      if (isDamaged(match.index, match.index + match[0].length)) note(match.index + match[0].indexOf('.'), match[1]);
  }
  const rewritten = edits.size;
  ctx.report({
    severity: 'warning',
    code: 'rewrite-imports/damaged-file',
    fails: true,
    message: fillMessage(messages['rewrite-imports/damaged-file'], {
      reason: problem.message,
      rewritten: plural(rewritten, 'rewrite'),
      damaged: plural(lines.size, 'reference'),
    }),
    index: problem.index,
  });
  for (const [line, { index, found }] of [...lines].sort((a, b) => a[0] - b[0])) {
    ctx.report({
      severity: 'error',
      code: 'rewrite-imports/damaged-reference',
      message: fillMessage(messages['rewrite-imports/damaged-reference'], {
        found,
        line,
        errorLine: positionAt(source, problem.index).line,
        reason: problem.message,
      }),
      index,
    });
  }
}

/** The dotted name (or relative specifier) starting at `index`. */
function wordAt(source: string, index: number): string {
  return /^[\w.]+/.exec(source.slice(index, index + 200))?.[0] ?? '';
}
