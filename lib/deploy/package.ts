// The package as it will be deployed: its own files (links dereferenced) plus every bundle
// entry of its manifests, also dereferenced: what `bundle build` writes and `closure` reads.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContainmentError, isWithin, readRegularFile, resolveInside, specialFileType } from '../engine/containment.js';
import type { RepoIndex } from '../repo/repo-index.js';
import type { LinkInfo } from '../repo/symlinks.js';
import { lineOfEntry, MAX_MANIFEST_BYTES, parseManifest, type BundleEntry } from './manifest.js';
import { isExecutable, MANIFEST_NAME, TreeReader, treeProblemText, type TreeProblem } from './tree.js';

/** One file of the deployed package. */
export interface PackageFile {
  /** Package-relative destination. */
  rel: string;
  /** Real absolute path of the content. */
  abs: string;
  executable: boolean;
  /** How the package provides it: a plain file, through a link, or through a bundle entry. */
  via: 'file' | 'link' | 'entry';
  /** For `entry`: the manifest (package-relative) and the entry's destination. */
  manifest?: string;
  entryTo?: string;
}

export type PackageProblemKind =
  | 'broken-link'
  | 'cyclic-link'
  | 'escaping-link'
  | 'missing-source'
  | 'conflict'
  | 'invalid-manifest'
  | 'not-regular'
  | 'unreadable'
  | 'refused-source'
  | 'self-inclusion';

export interface PackageProblem {
  kind: PackageProblemKind;
  /** Package-relative path the problem is about (a link, or a manifest). */
  path: string;
  line: number;
  message: string;
  link?: LinkInfo;
}

export interface PackageManifest {
  /** Package-relative path of the manifest file. */
  path: string;
  /** Package-relative folder its entries are relative to. */
  dir: string;
  entries: BundleEntry[];
  text: string;
}

export interface PackagePlan {
  /** Real absolute path of the package folder. */
  abs: string;
  /** Repo-relative path of the package folder ('' for the root). */
  rel: string;
  /** Real absolute path of the repository root. */
  repoRoot: string;
  files: Map<string, PackageFile>;
  /** Real folders the package's files come from: the package, entry sources, directory link targets. */
  sourceDirs: string[];
  manifests: PackageManifest[];
  problems: PackageProblem[];
}

export interface PlanOptions {
  allowOutside?: boolean;
}

const join = (dir: string, name: string) => (dir && name ? `${dir}/${name}` : dir || name);

/**
 * Everything the package holds once built. Problems (broken links, missing entry sources,
 * an entry and a file claiming one path) are collected, never thrown.
 */
export function planPackage(repo: RepoIndex, packageAbs: string, options: PlanOptions = {}): PackagePlan {
  const reader = new TreeReader(repo);
  const real = realpathSync(packageAbs);
  const plan: PackagePlan = {
    abs: real,
    rel: reader.resolver.display(real),
    repoRoot: reader.resolver.realRoot,
    files: new Map(),
    sourceDirs: [],
    manifests: [],
    problems: [],
  };
  if (plan.rel === '.') plan.rel = '';
  // each manifest carries the real folders whose reading brought it: an entry may not include one again
  const pendingManifests: { dir: string; abs: string; chain: string[] }[] = [];
  const addTree = (
    prefix: string,
    rootAbs: string,
    via: 'link' | 'file' | 'entry',
    chain: string[],
    owner?: { manifest: string; to: string },
  ) => {
    const tree = reader.read(rootAbs, {
      allowOutside: options.allowOutside,
      onManifest: (dirRel, abs) => pendingManifests.push({ dir: join(prefix, dirRel), abs, chain }),
    });
    for (const problem of tree.problems) plan.problems.push(treeProblem(join(prefix, problem.rel), problem));
    plan.sourceDirs.push(...tree.roots.filter((dir) => !plan.sourceDirs.includes(dir)));
    for (const file of tree.files) {
      addFile({
        rel: join(prefix, file.rel),
        abs: file.abs,
        executable: file.executable,
        via: via === 'entry' ? 'entry' : file.viaLink ? 'link' : 'file',
        ...(owner ? { manifest: owner.manifest, entryTo: owner.to } : {}),
      });
    }
  };
  const addFile = (file: PackageFile) => {
    const existing = plan.files.get(file.rel);
    if (existing) {
      if (existing.abs === file.abs) return;
      plan.problems.push({
        kind: 'conflict',
        path: file.manifest ?? file.rel,
        line: 1,
        message: `'${file.rel}' is provided twice: by ${describe(existing)} and by ${describe(file)}`,
      });
      return;
    }
    plan.files.set(file.rel, file);
  };
  addTree('', real, 'file', [real]);
  // manifests found in the package, then in what their entries bring, until none is left
  const seen = new Set<string>();
  while (pendingManifests.length > 0) {
    const { dir, abs, chain } = pendingManifests.shift()!;
    const manifestPath = join(dir, MANIFEST_NAME);
    if (seen.has(`${manifestPath}\0${abs}`) || seen.size > 1000) continue;
    seen.add(`${manifestPath}\0${abs}`);
    let text: string;
    let entries: BundleEntry[];
    try {
      text = readRegularFile(abs, MAX_MANIFEST_BYTES, manifestPath).toString('utf8');
      entries = parseManifest(text).entries;
    } catch (error) {
      const reason =
        error instanceof ContainmentError ? error.message.replace(`'${manifestPath}' `, '') : (error as Error).message;
      plan.problems.push({
        kind: 'invalid-manifest',
        path: manifestPath,
        line: 1,
        message: `${manifestPath} cannot be read: ${reason}`,
      });
      continue;
    }
    plan.manifests.push({ path: manifestPath, dir, entries, text });
    for (const entry of entries) {
      const line = lineOfEntry(text, entry.to);
      const destination = join(dir, entry.to);
      // a recorded copy is already among the package's own files
      if (entry.copied) continue;
      const problem = (kind: PackageProblemKind, why: string) =>
        plan.problems.push({
          kind,
          path: manifestPath,
          line,
          message: `bundle entry '${entry.to}': source '${entry.from}' ${why}`,
        });
      let sourceAbs: string;
      try {
        sourceAbs = realpathSync(resolveInside(plan.repoRoot, entry.from, options));
      } catch (error) {
        if (error instanceof ContainmentError)
          problem(
            'escaping-link',
            `${error.message.replace(`'${entry.from}' `, '')}; pass --allow-outside to accept it`,
          );
        else problem('missing-source', 'does not exist');
        continue;
      }
      if (!reader.resolver.inside(sourceAbs) && !options.allowOutside) {
        problem('escaping-link', `resolves to '${sourceAbs}', outside the repository`);
        continue;
      }
      const refusal = refusedSource(reader, sourceAbs);
      if (refusal) {
        problem('refused-source', refusal);
        continue;
      }
      const special = specialFileType(sourceAbs);
      if (special) {
        problem('not-regular', `is not a regular file (${special}); it is never opened`);
        continue;
      }
      const manifestDir = path.dirname(abs);
      const included = [manifestDir, ...chain].find((folder) => isWithin(folder, sourceAbs));
      if (included !== undefined) {
        const what =
          included === real
            ? 'the package itself'
            : `'${reader.resolver.display(included)}', which holds this manifest`;
        problem(
          'self-inclusion',
          `includes ${what}: the package would contain itself without end; point the entry at a folder outside the package`,
        );
        continue;
      }
      const owner = { manifest: manifestPath, to: entry.to };
      if (statSync(sourceAbs).isDirectory()) addTree(destination, sourceAbs, 'entry', [...chain, sourceAbs], owner);
      else
        addFile({
          rel: destination,
          abs: sourceAbs,
          executable: isExecutable(sourceAbs),
          via: 'entry',
          ...owner,
          entryTo: entry.to,
        });
    }
  }
  return plan;
}

function describe(file: PackageFile): string {
  if (file.via === 'entry') return `the entry '${file.entryTo}' of ${file.manifest}`;
  return file.via === 'link' ? 'a link in the package' : 'a file in the package';
}

/**
 * Why a bundle entry's real source may not be copied: it is under `.git/` (credentials, hooks)
 * or git-ignored (a local `.env`, a generated secret), as copies leave both out.
 */
function refusedSource(reader: TreeReader, sourceAbs: string): string | undefined {
  if (!reader.resolver.inside(sourceAbs)) return undefined;
  const rel = reader.resolver.display(sourceAbs);
  if (rel.split('/').includes('.git')) return `is inside '.git/' (${rel}): git's own files are never bundled`;
  const isDirectory = statSync(sourceAbs).isDirectory();
  if (rel !== '.' && !(isDirectory ? reader.discovered(sourceAbs) : reader.repo.hasFile(rel))) {
    // a FIFO or device is never discovered either: say what it is rather than "ignored"
    if (!isDirectory && specialFileType(sourceAbs)) return undefined;
    return `is git-ignored (${rel}): ignored files are never bundled; commit it or remove the entry`;
  }
  return undefined;
}

function treeProblem(rel: string, problem: TreeProblem): PackageProblem {
  if (problem.special)
    return {
      kind: 'not-regular',
      path: rel,
      line: 1,
      message: problem.link
        ? `link to '${problem.link.resolved}', which is ${treeProblemText(problem)}`
        : treeProblemText(problem),
    };
  if (problem.unreadable) return { kind: 'unreadable', path: rel, line: 1, message: treeProblemText(problem) };
  if (problem.ignored) return { kind: 'refused-source', path: rel, line: 1, message: treeProblemText(problem) };
  return linkProblem(rel, problem.link!);
}

function linkProblem(rel: string, link: LinkInfo): PackageProblem {
  if (link.kind === 'broken') {
    return {
      kind: 'broken-link',
      path: rel,
      line: 1,
      message: `broken link: target '${link.target}' does not exist ('${link.missing}' is missing)`,
      link,
    };
  }
  if (link.kind === 'cyclic') {
    const cycle = link.cycle ?? link.hops;
    const text = link.containsItself
      ? `${cycle[0]} → ${cycle[1]}, a directory that contains the link itself`
      : cycle.join(' → ');
    return { kind: 'cyclic-link', path: rel, line: 1, message: `symlink cycle: ${text}`, link };
  }
  return {
    kind: 'escaping-link',
    path: rel,
    line: 1,
    message: `link escapes the repository: resolves to '${link.resolved}'`,
    link,
  };
}

/** Repo-relative path of a package file's content (absolute when outside the repository). */
export function sourceOf(repo: RepoIndex, file: PackageFile): string {
  const rel = path.relative(realpathSync(repo.root), file.abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file.abs : rel.split(path.sep).join('/');
}
