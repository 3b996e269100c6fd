// tsconfig `paths` entries that name one file or folder (`"@env": ["./src/config/env.ts"]`) follow
// it when it moves, so importers keep writing '@env'. Edits replace only the text between the quotes.
import { readFileSync } from 'node:fs';
import { EditSet } from '../../lib/text/edit-set.js';
import { decodeText, encodeText } from '../../lib/engine/files.js';
import { joinSpecifier, parseJsonc, probe, readAliases, relativeSpecifier, spellFile } from '../../lib/js/resolve.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import { mapPath, oldTreeExists, type RuleSet } from './rules.js';

const CONFIG = /(^|\/)[^/]*[jt]sconfig[^/]*\.json$/;

/** One change per tsconfig whose exact (wildcard-free) `paths` targets name a moved file or folder. */
export function planTsconfigPaths(repo: RepoIndex, set: RuleSet, count: (rule: string) => void): FileChange[] {
  if (set.paths.length === 0) return [];
  const exists = oldTreeExists(set);
  const changes: FileChange[] = [];
  for (const config of repo.files) {
    // a config that itself moves is left to the move
    if (!CONFIG.test(config) || mapPath(set, config, undefined)) continue;
    const text = repo.read(config);
    const paths = (parseJsonc(text)?.compilerOptions as { paths?: unknown } | undefined)?.paths;
    if (text === undefined || !paths || typeof paths !== 'object') continue;
    const aliases = readAliases(repo, config);
    if (!aliases) continue;
    const retarget = new Map<string, string>();
    for (const [key, targets] of Object.entries(paths as Record<string, unknown>)) {
      if (key.includes('*') || !Array.isArray(targets)) continue;
      for (const target of targets) {
        if (typeof target !== 'string' || target.includes('*')) continue;
        const next = movedTarget(set, aliases.pathsBase, target, exists);
        if (next === undefined || next.spelled === target) continue;
        retarget.set(target, next.spelled);
        count(next.rule);
      }
    }
    if (retarget.size === 0) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(repo.absolute(config));
    } catch {
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.binary) continue;
    const edits = new EditSet(decoded.text);
    for (const token of pathsTargets(decoded.text)) {
      const next = retarget.get(token.value);
      // "@env": ["./src/config/env.ts"] ➔ "@env": ["./src/settings/env.ts"]
      if (next !== undefined) edits.replace(token.start, token.end, next);
    }
    if (!edits.size) continue;
    const before = { kind: 'file' as const, bytes, executable: false };
    changes.push({ path: config, before, after: { ...before, bytes: encodeText(edits.apply(), decoded.bom) } });
  }
  return changes;
}

/** Where a `paths` target points after the moves, spelled as it was ('./' and extension kept or not). */
function movedTarget(
  set: RuleSet,
  base: string,
  target: string,
  exists: (file: string) => boolean,
): { spelled: string; rule: string } | undefined {
  const joined = joinSpecifier(base, target);
  if (joined === undefined) return undefined;
  const resolved = probe(joined, exists);
  // a folder target ("@lib": ["./src/lib"]) without an index file still moves with its folder
  const moved = resolved ? mapPath(set, resolved.file, undefined) : mapPath(set, joined, undefined);
  if (!moved) return undefined;
  const spelled = resolved ? spellFile(moved.result, resolved) : moved.result;
  const next = relativeSpecifier(base, spelled);
  return {
    spelled: target.startsWith('./') || target.startsWith('../') ? next : next.replace(/^\.\//, ''),
    rule: moved.rule.label,
  };
}

const COLON = /\s*:/y;
const followedByColon = (text: string, at: number) => ((COLON.lastIndex = at), COLON.test(text));

/** String values (not keys) inside `compilerOptions.paths`, with the offsets between their quotes. */
function pathsTargets(text: string): { value: string; start: number; end: number }[] {
  const found: { value: string; start: number; end: number }[] = [];
  let depth = 0;
  // the depth of the `paths` object once found (-1: not yet, -2: already passed)
  let pathsDepth = -1;
  let lastString: { value: string; start: number; end: number } | undefined;
  let pendingPaths = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = { value: text.slice(i + 1, j), start: i + 1, end: j };
      i = j;
      // inside paths, a string not followed by ':' is a target
      if (pathsDepth >= 0 && depth > pathsDepth && !followedByColon(text, j + 1)) found.push(lastString);
    } else if (c === ':') {
      pendingPaths = pathsDepth === -1 && lastString?.value === 'paths';
    } else if (c === '{' || c === '[') {
      if (pendingPaths && c === '{') pathsDepth = depth;
      pendingPaths = false;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === pathsDepth) pathsDepth = -2;
    }
  }
  return found;
}
