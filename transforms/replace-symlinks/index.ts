// replace-symlinks: a repository-level transform. Links become real copies (--mode copy) or
// bundle entries (--mode bundle); broken, escaping and cyclic links and drifted copies are reported.
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { findSymlinks } from '../../lib/repo/symlinks.js';
import { TreeReader } from '../../lib/deploy/tree.js';
import type { Diagnostic } from '../../lib/engine/diagnostics.js';
import { completePlanContext, type FileChange, type PlanContext } from '../../lib/engine/types.js';
import { defineTransform } from '../../lib/engine/define-transform.js';
import { checkManifests } from './drift.js';
import { planLink } from './links.js';
import { ManifestBook } from './manifests.js';
import { meta } from './meta.js';
import { resolveReplaceSymlinksOptions } from './options.js';
import type { LinkListing } from './report.js';

export { meta };
export type { LinkListing };

/** Per file there is nothing to do (every change is planned for the whole repository) beyond checking the options. */
export default defineTransform({ resolveOptions: resolveReplaceSymlinksOptions, transform: () => undefined });

/**
 * Plan every link under the given paths, then every recorded copy and bundle entry.
 * @example
 *   await planRepository(repo, { mode: 'copy' }, report)
 *   // [{ path: 'fn_a/shared', before: {kind:'symlink', …}, after: null }, { path: 'fn_a/shared/config.py', … }, …]
 */
export async function planRepository(
  repo: RepoIndex,
  raw: Record<string, unknown>,
  report: (diagnostic: Diagnostic) => void,
  given?: Partial<PlanContext>,
): Promise<FileChange[]> {
  const options = resolveReplaceSymlinksOptions(raw);
  const context = completePlanContext(given);
  const paths = context.paths;
  const reader = new TreeReader(repo);
  const book = new ManifestBook(repo);
  const listings = findSymlinks(repo, paths).map((link) => planLink(link, { repo, reader, options, report, book }));
  checkManifests({ repo, reader, options, report, book, paths });
  context.attach('links', listings);
  return book.finish(report);
}
