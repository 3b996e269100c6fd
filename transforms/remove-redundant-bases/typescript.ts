// The TypeScript half: `implements` entries the base class or another entry already brings,
// duplicates, and interface `extends` entries another entry already extends, resolved with the
// type checker across files (imports, re-exports, tsconfig paths). Edits are text ranges.
import {
  Node,
  SyntaxKind,
  type ClassLikeDeclarationBase,
  type ExpressionWithTypeArguments,
  type HeritageClause,
  type InterfaceDeclaration,
  type Symbol as MorphSymbol,
} from 'ts-morph';
import type { Finding, RunMode } from '../../lib/engine/context.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { EditSet } from '../../lib/text/edit-set.js';
import { tsSourceFile } from './ts-project.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { removeListItems } from '../../lib/text/remove-list-items.js';
import { CODES, messages, removedText } from './messages.js';
import type { RemoveRedundantBasesOptions } from './options.js';

/** Where a heritage entry already comes from. */
interface Provided {
  /** `implemented by Base`, `extended by Child`. */
  how: string;
  /** `src/base.ts:3`. */
  where: string;
}

type HeritageOwner = ClassLikeDeclarationBase & Node;

/** The new text of one TypeScript file. */
export function fixTypeScriptFile(
  source: string,
  relPath: string,
  repo: RepoIndex,
  options: RemoveRedundantBasesOptions,
  mode: RunMode,
  report: (f: Finding) => void,
): string {
  const sourceFile = tsSourceFile(repo, relPath, source);
  const keys = new KeyMaker();
  const edits = new EditSet(source);
  const declarations = [
    ...sourceFile.getDescendantsOfKind(SyntaxKind.ClassDeclaration),
    ...sourceFile.getDescendantsOfKind(SyntaxKind.ClassExpression),
    ...sourceFile.getDescendantsOfKind(SyntaxKind.InterfaceDeclaration),
  ].sort((a, b) => a.getStart() - b.getStart());
  for (const decl of declarations) {
    const isInterface = Node.isInterfaceDeclaration(decl);
    const clause = decl.getHeritageClauseByKind(isInterface ? SyntaxKind.ExtendsKeyword : SyntaxKind.ImplementsKeyword);
    if (!clause) continue;
    const entries = clause.getTypeNodes();
    const inherited = new Map<string, Provided>();
    if (!isInterface) {
      // class C extends B implements I: whatever B (and its bases) implement
      const base = (decl as HeritageOwner).getExtends();
      if (base)
        collectProvided(
          base,
          keys,
          inherited,
          { how: `implemented by ${base.getExpression().getText()}`, where: whereOf(repo, base) },
          new Set(),
          true,
        );
    }
    const removed: number[] = [];
    const reasons: string[] = [];
    entries.forEach((entry, i) => {
      const key = keys.of(entry);
      if (!key) return;
      let reason: string | undefined;
      const first = entries.findIndex((e) => keys.of(e) === key);
      if (first < i) reason = `${entry.getText()} is listed twice`;
      const fromBase = inherited.get(key);
      if (!reason && fromBase)
        reason = `${entry.getExpression().getText()} is already ${fromBase.how} (${fromBase.where})`;
      if (!reason) {
        for (const [j, other] of entries.entries()) {
          if (j === i || keys.of(other) === key || removed.includes(j)) continue;
          const provided = new Map<string, Provided>();
          collectProvided(
            other,
            keys,
            provided,
            { how: `extended by ${other.getExpression().getText()}`, where: whereOf(repo, other) },
            new Set(),
            false,
          );
          const hit = provided.get(key);
          if (hit) {
            reason = `${entry.getExpression().getText()} is already ${hit.how} (${hit.where})`;
            break;
          }
        }
      }
      if (!reason) return;
      removed.push(i);
      reasons.push(reason);
    });
    if (removed.length === 0) continue;
    const name = (decl as HeritageOwner).getName?.() ?? '(anonymous class)';
    removed.forEach((i, k) => {
      const entry = entries[i];
      const { line, column } = sourceFile.getLineAndColumnAtPos(entry.getStart());
      const message = options.onlyErrors
        ? fillMessage(messages.keptOnlyErrors, { base: entry.getText(), reason: reasons[k] })
        : fillMessage(messages.tsRemoved, {
            removed: removedText(mode),
            entry: entry.getText(),
            clause: isInterface ? 'extends' : 'implements',
            decl: name,
            reason: reasons[k],
          });
      report({ severity: 'info', code: CODES.redundantBase, line, column, message });
    });
    if (!options.onlyErrors)
      for (const edit of clauseEdits(source, clause, entries, removed)) edits.replace(edit.start, edit.end, edit.text);
  }
  return edits.size ? edits.apply() : source;
}

/** Drop entries from a heritage clause; an `implements` left empty goes entirely. */
function clauseEdits(
  source: string,
  clause: HeritageClause,
  entries: ExpressionWithTypeArguments[],
  removed: number[],
) {
  if (removed.length === entries.length) {
    let start = clause.getStart();
    while (start > 0 && /\s/.test(source[start - 1])) start--;
    return [{ start, end: clause.getEnd(), text: '' }];
  }
  const items = entries.map((e) => ({ start: e.getStart(), end: e.getEnd() }));
  const keyword = clause.getFirstChildByKind(clause.getToken())!;
  return removeListItems(source, { open: keyword.getEnd(), close: clause.getEnd() }, items, removed);
}

/**
 * Every interface (and class) that `entry` brings with it: itself when `includeSelf`, the
 * interfaces a class implements, what an interface extends, transitively.
 */
function collectProvided(
  entry: ExpressionWithTypeArguments,
  keys: KeyMaker,
  into: Map<string, Provided>,
  provided: Provided,
  seen: Set<string>,
  includeSelf: boolean,
): void {
  const key = keys.of(entry);
  if (!key || seen.has(key)) return;
  seen.add(key);
  if (includeSelf && !into.has(key)) into.set(key, provided);
  const symbol = keys.symbolOf(entry);
  for (const decl of symbol?.getDeclarations() ?? []) {
    if (!Node.isClassDeclaration(decl) && !Node.isInterfaceDeclaration(decl)) continue;
    // heritage written against the declaration's own type parameters cannot be compared here
    const generic = (decl as InterfaceDeclaration).getTypeParameters().length > 0;
    for (const clause of decl.getHeritageClauses()) {
      for (const inner of clause.getTypeNodes()) {
        if (generic && inner.getTypeArguments().length > 0) continue;
        collectProvided(inner, keys, into, provided, seen, true);
      }
    }
  }
}

function whereOf(repo: RepoIndex, entry: ExpressionWithTypeArguments): string {
  const decl = new KeyMaker().symbolOf(entry)?.getDeclarations()[0];
  if (!decl) return entry.getSourceFile().getBaseName();
  const file = repo.relative(decl.getSourceFile().getFilePath());
  return `${file}:${decl.getStartLineNumber()}`;
}

/** Identity of a heritage entry: the declaration it names (through imports) and its type arguments. */
class KeyMaker {
  private readonly ids = new Map<unknown, number>();

  symbolOf(entry: ExpressionWithTypeArguments): MorphSymbol | undefined {
    const symbol = entry.getExpression().getSymbol();
    const target = symbol?.getAliasedSymbol() ?? symbol;
    // an import that does not resolve yields the checker's `unknown` symbol: never an identity
    return target && target.getDeclarations().length > 0 ? target : undefined;
  }

  of(entry: ExpressionWithTypeArguments): string | undefined {
    const symbol = this.symbolOf(entry);
    if (!symbol) return undefined;
    const args = entry.getTypeArguments().map((t) => this.id(t.getType().compilerType));
    return `${this.id(symbol.compilerSymbol)}<${args.join(',')}>`;
  }

  private id(thing: unknown): number {
    let id = this.ids.get(thing);
    if (id === undefined) this.ids.set(thing, (id = this.ids.size + 1));
    return id;
  }
}
