// What one parse of a Python file tells the checks: whether and where it fails to compile, and
// its scan (scopes, bindings, classes, defs, imports). Computed once per file text and kept in the
// persistent fact cache, so an unchanged file is not parsed again by the next run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node, Parser } from 'web-tree-sitter';
import { openFactCache } from '../engine/cache/fact-cache.js';
import { packageInfo } from '../engine/package-info.js';
import type { RepoIndex } from '../repo/repo-index.js';
import { scanTree, type Binding, type FileScan, type ScanInput, type Scope } from './class-scan.js';
import { parsePython, withPythonTree } from './parser.js';
import { pythonSyntaxProblems, type PythonSyntaxProblem } from './syntax-check.js';

/** Bump when the shape or meaning of the stored facts changes without a code change here. */
const FACTS_SCHEMA = 2;
const KIND = 'python-facts';

export interface PythonFileFacts {
  /** tree-sitter's grammar fails somewhere (an ERROR or MISSING node). */
  hasError: boolean;
  /** Every reason CPython would refuse to compile the file, in source order (the one oracle). */
  problems: PythonSyntaxProblem[];
  /** The scan (scopes and bindings); null for a file with no class, def, import or `__all__` (nothing to resolve through it). */
  scan: FileScan | null;
}

/** A file with none of these holds nothing a lookup could resolve through (a class, a function, an import). */
export const SCANNED = /\bclass\b|\bdef\b|\bimport\b|__all__/;

/**
 * The facts of a repository file's text, from this run's memory, the persistent cache, or one
 * parse (then stored). `text` may differ from the disk (stdin, a transform's output): the key
 * is the text itself, with the path and module name the scan depends on.
 */
export function pythonFactsSync(parser: Parser, repo: RepoIndex, file: string, text: string): PythonFileFacts {
  const found = lookup(repo, file, text);
  if (found.facts) return found.facts;
  const tree = parsePython(parser, text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return found.save(computeFacts(tree.rootNode, text, found.input));
  } finally {
    tree.delete();
  }
}

/** `pythonFactsSync` for callers without a parser at hand; a parse is shared with the file's other checks. */
export async function pythonFacts(repo: RepoIndex, file: string, text: string): Promise<PythonFileFacts> {
  const found = lookup(repo, file, text);
  if (found.facts) return found.facts;
  return found.save(await withPythonTree(text, (tree) => computeFacts(tree.rootNode, text, found.input)));
}

/** The facts already known (this run, then the disk), and how to keep freshly computed ones. */
function lookup(repo: RepoIndex, file: string, text: string) {
  const memo = repo.memo('python-file-facts', () => new Map<string, { text: string; facts: PythonFileFacts }>());
  const input = scanInputFor(repo, file);
  const known = memo.get(file);
  const remember = (facts: PythonFileFacts) => (memo.set(file, { text, facts }), facts);
  if (known && known.text === text) return { input, facts: known.facts, save: remember };
  const parts = [file, input.module, text];
  const cache = repo.memo('python-fact-cache', (r) => openFactCache(r.cacheDir, factsVersion()));
  const stored = cache.get<StoredFacts>(KIND, parts);
  const revived = stored === undefined ? undefined : revive(stored, file, input.module);
  if (revived) remember(revived);
  const save = (facts: PythonFileFacts) => {
    cache.set(KIND, parts, store(facts));
    return remember(facts);
  };
  return { input, facts: revived, save };
}

function computeFacts(root: Node, text: string, input: ScanInput): PythonFileFacts {
  return {
    hasError: root.hasError,
    problems: pythonSyntaxProblems(root, text),
    scan: SCANNED.test(text) ? scanTree(root, text, input) : null,
  };
}

/** What a class scan needs to know about the file: its module name and how its relative imports resolve. */
export function scanInputFor(repo: RepoIndex, file: string): ScanInput {
  const module = repo.python.moduleOf(file) ?? `<${file}>`;
  return {
    file,
    module,
    resolveRelative: (level: number, name: string) => repo.python.resolveRelative(file, level, name),
  };
}

let version: string | undefined;

/**
 * The identity of the code that computes the facts: repomod's version, the schema, the parser
 * packages' versions and the modules of lib/python themselves, so a changed analysis (an
 * upgrade, a local build) never reads what an older one stored.
 */
export function factsVersion(): string {
  if (version) return version;
  const hash = createHash('sha256').update(`${packageInfo().version}\0${FACTS_SCHEMA}`);
  const require = createRequire(import.meta.url);
  for (const pkg of ['web-tree-sitter/package.json', 'tree-sitter-python/package.json']) {
    try {
      hash.update(`\0${(JSON.parse(readFileSync(require.resolve(pkg), 'utf8')) as { version?: string }).version}`);
    } catch {
      hash.update('\0?');
    }
  }
  // each module's size and time stand for its bytes: reading them all cost a one-file check
  // more than its own parse; an install or a build changes the times, so it is never missed
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (!/\.(js|ts|json)$/.test(name)) continue;
    const stat = statSync(path.join(here, name));
    hash.update(`\0${name}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return (version = hash.digest('hex'));
}

/** Facts as JSON: scopes' binding maps as entry lists; file and module are part of the key, not stored. */
interface StoredFacts {
  hasError: boolean;
  problems: PythonSyntaxProblem[];
  scan:
    | (Omit<FileScan, 'file' | 'module' | 'scopes'> & {
        scopes: (Omit<Scope, 'bindings'> & { bindings: [string, Binding[]][] })[];
      })
    | null;
}

function store(facts: PythonFileFacts): StoredFacts {
  const scan = facts.scan && {
    scopes: facts.scan.scopes.map((scope) => ({ ...scope, bindings: [...scope.bindings] })),
    classes: facts.scan.classes,
    stars: facts.scan.stars,
    all: facts.scan.all,
  };
  return { hasError: facts.hasError, problems: facts.problems, scan };
}

/** Stored facts back in memory; undefined when the entry does not have the expected shape. */
function revive(stored: StoredFacts, file: string, module: string): PythonFileFacts | undefined {
  if (
    typeof stored !== 'object' ||
    stored === null ||
    typeof stored.hasError !== 'boolean' ||
    !Array.isArray(stored.problems)
  )
    return undefined;
  const s = stored.scan;
  if (s === null) return { hasError: stored.hasError, problems: stored.problems, scan: null };
  if (typeof s !== 'object' || !Array.isArray(s.scopes) || !Array.isArray(s.classes) || !Array.isArray(s.stars))
    return undefined;
  const scan: FileScan = {
    file,
    module,
    scopes: s.scopes.map((scope) => ({ ...scope, bindings: new Map(scope.bindings) })),
    classes: s.classes,
    stars: s.stars,
    all: s.all,
  };
  return { hasError: stored.hasError, problems: stored.problems, scan };
}
