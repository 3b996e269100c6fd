// Fast access to a tree-sitter Python tree: nodes by type through a query (matching runs in
// wasm), and the "extra" nodes (comments, line continuations) that lists interleave.
import { Query, type Node } from 'web-tree-sitter';

const queries = new Map<string, Query>();

/**
 * Nodes of the given types (and nodes matching the given query `patterns`), outer before inner in
 * source order. A tree-sitter query: matching runs inside wasm, several times faster than
 * visiting every node from JavaScript.
 */
export function nodesOfType(root: Node, types: ReadonlySet<string>, patterns: readonly string[] = []): Node[] {
  const key = [...[...types].sort(), '|', ...patterns].join(' ');
  let query = queries.get(key);
  if (!query) {
    const alternatives = [...types].map((t) => (/^[a-z_]+$/.test(t) ? `(${t})` : JSON.stringify(t)));
    query = new Query(root.tree.language, `[${[...alternatives, ...patterns].join(' ')}] @node`);
    queries.set(key, query);
  }
  let nodes = query.captures(root).map((c) => c.node);
  // a pattern with a child matches once per such child: one node per place
  if (patterns.length) nodes = [...new Map(nodes.map((n) => [n.id, n])).values()];
  return nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** Comments and backslash continuations: tree-sitter puts them among a list's children. */
export const isExtra = (n: Node) => n.type === 'comment' || n.type === 'line_continuation';
