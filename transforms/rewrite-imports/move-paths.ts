// Where `moveFiles` puts a repository path: files, directories and anything under a moved directory.
import { mapPath, type RuleSet } from './rules.js';

/** Where `moveFiles` puts a file: a file rule moves exactly the file it names (not `auth.js` beside `auth.ts`). */
export function moveDestination(set: RuleSet, file: string): string | undefined {
  const moved = mapPath(set, file, undefined);
  if (!moved) return undefined;
  if (moved.rule.isFile && /\.[A-Za-z0-9]+$/.test(moved.rule.from) && file !== moved.rule.from) return undefined;
  return moved.result;
}

/**
 * Where any repo-relative path (file, directory, or a name under a moved directory) is after
 * this run's moves; undefined when it does not move. Only rules whose OLD still exists move.
 * @example movedPath(set, 'shared/utils') // 'shared/gcp' under shared/utils=shared/gcp
 */
export function movedPath(set: RuleSet, p: string): string | undefined {
  for (const rule of set.paths) {
    if (!rule.oldExists) continue;
    if (rule.isFile) {
      if (p === rule.from) return rule.to;
      const file = moveDestination(set, p);
      if (file && mapPath(set, p, undefined)?.rule === rule) return file;
      continue;
    }
    if (p === rule.from) return rule.to;
    if (p.startsWith(`${rule.from}/`)) return rule.to + p.slice(rule.from.length);
  }
  return undefined;
}
