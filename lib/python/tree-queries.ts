// Fast access to a tree-sitter Python tree: nodes by type through a query (matching runs in
// wasm), and the "extra" nodes (comments, line continuations) that lists interleave.
import { Query, type Node } from 'web-tree-sitter';

const queries = new Map<string, Query>();

/**
 * Nodes of the given types, outer before inner in source order. A tree-sitter query: matching
 * runs inside wasm, several times faster than visiting every node from JavaScript.
 */
export function nodesOfType(root: Node, types: ReadonlySet<string>): Node[] {
  const key = [...types].sort().join(' ');
  let query = queries.get(key);
  if (!query) {
    const patterns = [...types].map((t) => (/^[a-z_]+$/.test(t) ? `(${t})` : JSON.stringify(t)));
    query = new Query(root.tree.language, `[${patterns.join(' ')}] @node`);
    queries.set(key, query);
  }
  return query
    .captures(root)
    .map((c) => c.node)
    .sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** Comments and backslash continuations: tree-sitter puts them among a list's children. */
export const isExtra = (n: Node) => n.type === 'comment' || n.type === 'line_continuation';
