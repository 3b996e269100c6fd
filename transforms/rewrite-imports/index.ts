// rewrite-imports: move module paths across the repository in Python and JS/TS imports, string
// targets and dotted uses, as edits at the parsers' offsets (nothing is reprinted).
import { readFileSync } from 'node:fs';
import type { ApiWithRepomod } from '../../lib/engine/context.js';
import { defineTransform } from '../../lib/engine/define-transform.js';
import { languageOf } from '../../lib/languages.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { completePlanContext, type PlanContext } from '../../lib/engine/types.js';
import { mayMention } from './doc-references.js';
import { meta } from './meta.js';
import { needsParse, prefilterNeedles } from './needles.js';
import { resolveRewriteOptions } from './options.js';
import { planMoves } from './plan.js';
import { rewriteFile } from './rewrite-file.js';
import { isMovingFile, ruleSetFor } from './rule-set-cache.js';
import { unusedRules } from './unused-rules.js';

export { meta };

export default defineTransform({
  resolveOptions: resolveRewriteOptions,
  transform(file, options, { api, context: ctx }) {
    const fileLanguage = languageOf(file.path);
    if (!fileLanguage) return undefined;
    // JS and TS share one specifier rewriter
    const language = fileLanguage === 'python' ? 'python' : 'javascript';
    const needles = prefilterNeedles(options.allRules, options.absolute);
    const set = ruleSetFor(ctx.repo, options);
    const moving = isMovingFile(set, ctx.relPath);
    // under repomod, files that move (or moved) are rewritten by planRepository from their new place
    if (moving && (api as ApiWithRepomod).repomod) return file.source;
    if (!moving && needles && !needles.some((n) => file.source.includes(n))) return file.source;
    // the prefilter is content-only; with the repository at hand most of its matches need no parse
    if (
      !moving &&
      !needsParse(file.source, ctx.relPath, set, options.absolute, language === 'python') &&
      !mayMention(file.source, set)
    )
      return file.source;
    return rewriteFile(file.source, ctx.relPath, language, set, options, ctx.report, (rule) =>
      api.stats?.(`rewrite-imports: ${rule}`),
    );
  },
});

/** Whole-repository part: files that move under path rules (and `repomod move`'s renames). */
export async function planRepository(
  repo: RepoIndex,
  raw: Record<string, unknown>,
  report: Parameters<typeof planMoves>[3],
  given?: Partial<PlanContext>,
) {
  const options = resolveRewriteOptions(raw);
  const context = completePlanContext(given);
  const set = ruleSetFor(repo, options);
  const changes = await planMoves(
    repo,
    set,
    options,
    report,
    (rule) => context.count(`rewrite-imports: ${rule}`),
    context,
  );
  // a rule that rewrote nothing is a finding only when the run saw every file (no paths, no shard)
  if (context.counted && !context.paths.length && !options.moveFiles) {
    const strict = options.strict || context.mode === 'check';
    unusedRules(set, options, context.counted, strict, readConfigText(repo)).forEach(report);
  }
  return changes;
}

function readConfigText(repo: RepoIndex): string | undefined {
  try {
    return repo.hasFile('repomod.config.json') ? readFileSync(repo.absolute('repomod.config.json'), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
