// One RuleSet per repository view and options, memoised on the RepoIndex (once per worker).
import { RepoIndex } from '../../lib/repo/repo-index.js';
import type { RewriteImportsOptions, RuleSpec } from './options.js';
import { buildRuleSet, isMovingFile, type RuleSet } from './rules.js';

export { isMovingFile };

export function ruleSetFor(repo: RepoIndex, options: RewriteImportsOptions & { allRules: RuleSpec[] }): RuleSet {
  const key = `rewrite-imports:${JSON.stringify([options.allRules, options.sourceRoot])}`;
  return repo.memo(key, () => {
    // --source-root given as a transform option (stock jscodeshift) widens the module map
    const extra = options.sourceRoot.filter((r) => !repo.extraSourceRoots.includes(r));
    const py = extra.length
      ? repo.memo(
          `rewrite-imports:py:${extra.join(',')}`,
          () => new RepoIndex({ ...repo.snapshot(), sourceRoots: [...repo.extraSourceRoots, ...extra] }).python,
        )
      : repo.python;
    return buildRuleSet(repo, py, options);
  });
}
