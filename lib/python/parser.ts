// Python parsing through web-tree-sitter and the wasm grammar shipped in tree-sitter-python:
// no native build, no download. Trees live in wasm memory, so callers must delete them.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let ready: Promise<Parser> | undefined;

/** Load the grammar once per thread. */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/**
 * Every Python parse goes through here. CPython ends a line at a lone `\r` too (old Mac files),
 * the grammar does not, so tree-sitter sees `\n` there: one character for one, so every index
 * still slices the original text. Null when tree-sitter gives up (it recovers from most errors).
 */
export function parsePython(parser: Parser, source: string): Tree | null {
  return parser.parse(source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source);
}

/**
 * Parse `source`, hand the tree to `use`, and free the tree afterwards, even on a throw.
 * Node indices are JavaScript string indices (UTF-16), so they slice `source` directly.
 */
export async function withPythonTree<T>(source: string, use: (tree: Tree) => T | Promise<T>): Promise<T> {
  const shared = sharedTrees?.get(source);
  if (shared) return use(shared);
  const parser = await pythonParser();
  const tree = parsePython(parser, source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  if (sharedTrees) {
    // kept for the next transform of the same file; freed when sharePythonTrees ends
    sharedTrees.set(source, tree);
    return use(tree);
  }
  try {
    return await use(tree);
  } finally {
    tree.delete();
  }
}

let sharedTrees: Map<string, Tree> | undefined;

/**
 * While `run` runs, trees parsed for the same text are reused, so several checks of one file
 * parse it once. Files are processed one at a time per thread, so one shared map is safe.
 */
export async function sharePythonTrees<T>(run: () => Promise<T>): Promise<T> {
  if (sharedTrees) return run();
  sharedTrees = new Map();
  try {
    return await run();
  } finally {
    for (const tree of sharedTrees.values()) tree.delete();
    sharedTrees = undefined;
  }
}

/** Depth-first walk over named and anonymous nodes; return false from `visit` to skip children. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  const cursor = node.walk();
  try {
    let descend = true;
    for (;;) {
      if (descend && visit(cursor.currentNode) !== false && cursor.gotoFirstChild()) continue;
      descend = true;
      if (cursor.gotoNextSibling()) continue;
      // climb until a sibling exists or we are back at the start node
      let climbed = false;
      while (cursor.gotoParent()) {
        if (cursor.currentNode.id === node.id) return;
        if (cursor.gotoNextSibling()) {
          climbed = true;
          break;
        }
      }
      if (!climbed) return;
    }
  } finally {
    cursor.delete();
  }
}

/** First ERROR or MISSING node, in source order: where the file stops parsing. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  let found: Node | undefined;
  walk(root, (n) => {
    if (found) return false;
    if (n.isError || n.isMissing) {
      found = n;
      return false;
    }
    return n.hasError;
  });
  return found;
}
