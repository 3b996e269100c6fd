// Every diagnostic code's `repomod explain` entry, gathered from the message tables that report
// them: the engine's, each registered transform's messages.ts, and `repomod bundle`'s.
import type { Explanation } from '../lib/engine/explanations.js';
import { registry } from '../transforms/index.js';

/** One message table and the explanations declared beside it. */
export interface MessageTable {
  /** Who reports these codes: a transform's name, 'bundle' or 'engine'. */
  owner: string;
  messages: Record<string, unknown>;
  explanations: Record<string, Explanation>;
}

/** Every table, engine first, then the transforms in registry order, then bundle. */
export async function loadMessageTables(): Promise<MessageTable[]> {
  const [{ engineExplanations }, bundle] = await Promise.all([
    import('../lib/engine/explanations.js'),
    import('../features/bundle/messages.js'),
  ]);
  const tables: MessageTable[] = [{ owner: 'engine', messages: {}, explanations: engineExplanations }];
  for (const entry of registry) {
    const { messages, explanations } = await entry.loadMessages();
    tables.push({ owner: entry.meta.name, messages, explanations });
  }
  tables.push({ owner: 'bundle', messages: bundle.messages, explanations: bundle.explanations });
  return tables;
}

/** Code ➔ explanation, in table order. */
export async function loadExplanations(): Promise<Map<string, Explanation>> {
  const all = new Map<string, Explanation>();
  for (const table of await loadMessageTables())
    for (const [code, explanation] of Object.entries(table.explanations)) all.set(code, explanation);
  return all;
}

/** What a name given to `repomod explain` refers to. */
export type CodeLookup = { found: string } | { ambiguous: string[] } | { unknown: string; suggestion?: string };

/**
 * Find a code as typed: in full, pasted with its brackets (`[parse-error]`), or by its short name
 * when only one table has it (`inconsistent-mro`); else the nearest code, for a did-you-mean.
 */
export function lookupCode(
  codes: readonly string[],
  typed: string,
  distance: (a: string, b: string) => number,
): CodeLookup {
  const name = typed.trim().replace(/^\[(.*)\]$/, '$1');
  if (codes.includes(name)) return { found: name };
  const short = codes.filter((c) => c.endsWith(`/${name}`));
  if (short.length === 1) return { found: short[0] };
  if (short.length > 1) return { ambiguous: short };
  let best: { code: string; distance: number } | undefined;
  for (const code of codes) {
    const d = Math.min(distance(name, code), distance(name, code.slice(code.indexOf('/') + 1)));
    if (!best || d < best.distance) best = { code, distance: d };
  }
  // a suggestion further than a third of the name away is noise
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3))
    ? { unknown: name, suggestion: best.code }
    : { unknown: name };
}
