// The package as it will be deployed: its own files (links dereferenced) plus every bundle
// entry of its manifests, also dereferenced: what `bundle build` writes and `closure` reads.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RepoIndex } from '../repo/repo-index.js';
import type { LinkInfo } from '../repo/symlinks.js';
import { lineOfEntry, parseManifest, type BundleEntry } from './manifest.js';
import { isExecutable, MANIFEST_NAME, TreeReader } from './tree.js';

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

export type PackageProblemKind = 'broken-link' | 'cyclic-link' | 'escaping-link' | 'missing-source' | 'conflict' | 'invalid-manifest';

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
  const plan: PackagePlan = { abs: real, rel: reader.resolver.display(real), repoRoot: reader.resolver.realRoot, files: new Map(), manifests: [], problems: [] };
  if (plan.rel === '.') plan.rel = '';
  const pendingManifests: { dir: string; abs: string }[] = [];
  const addTree = (prefix: string, rootAbs: string, via: 'link' | 'file' | 'entry', owner?: { manifest: string; to: string }) => {
    const tree = reader.read(rootAbs, { allowOutside: options.allowOutside, onManifest: (dirRel, abs) => pendingManifests.push({ dir: join(prefix, dirRel), abs }) });
    for (const problem of tree.problems) plan.problems.push(linkProblem(join(prefix, problem.rel), problem.link));
    for (const file of tree.files) {
      addFile({ rel: join(prefix, file.rel), abs: file.abs, executable: file.executable, via: via === 'entry' ? 'entry' : file.viaLink ? 'link' : 'file', ...(owner ? { manifest: owner.manifest, entryTo: owner.to } : {}) });
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
  addTree('', real, 'file');
  // manifests found in the package, then in what their entries bring, until none is left
  const seen = new Set<string>();
  while (pendingManifests.length > 0) {
    const { dir, abs } = pendingManifests.shift()!;
    const manifestPath = join(dir, MANIFEST_NAME);
    if (seen.has(`${manifestPath}\0${abs}`) || seen.size > 1000) continue;
    seen.add(`${manifestPath}\0${abs}`);
    const text = readFileSync(abs, 'utf8');
    let entries: BundleEntry[];
    try {
      entries = parseManifest(text).entries;
    } catch (error) {
      plan.problems.push({ kind: 'invalid-manifest', path: manifestPath, line: 1, message: `${manifestPath} cannot be read: ${(error as Error).message}` });
      continue;
    }
    plan.manifests.push({ path: manifestPath, dir, entries, text });
    for (const entry of entries) {
      const line = lineOfEntry(text, entry.to);
      const destination = join(dir, entry.to);
      // a recorded copy is already among the package's own files
      if (entry.copied) continue;
      let sourceAbs: string;
      try {
        sourceAbs = realpathSync(repo.absolute(entry.from));
      } catch {
        plan.problems.push({ kind: 'missing-source', path: manifestPath, line, message: `bundle entry '${entry.to}': source '${entry.from}' does not exist` });
        continue;
      }
      if (!reader.resolver.inside(sourceAbs) && !options.allowOutside) {
        plan.problems.push({ kind: 'escaping-link', path: manifestPath, line, message: `bundle entry '${entry.to}': source '${entry.from}' resolves to '${sourceAbs}', outside the repository` });
        continue;
      }
      const owner = { manifest: manifestPath, to: entry.to };
      if (statSync(sourceAbs).isDirectory()) addTree(destination, sourceAbs, 'entry', owner);
      else addFile({ rel: destination, abs: sourceAbs, executable: isExecutable(sourceAbs), via: 'entry', ...owner, entryTo: entry.to });
    }
  }
  return plan;
}

function describe(file: PackageFile): string {
  if (file.via === 'entry') return `the entry '${file.entryTo}' of ${file.manifest}`;
  return file.via === 'link' ? 'a link in the package' : 'a file in the package';
}

function linkProblem(rel: string, link: LinkInfo): PackageProblem {
  if (link.kind === 'broken') {
    return { kind: 'broken-link', path: rel, line: 1, message: `broken link: target '${link.target}' does not exist ('${link.missing}' is missing)`, link };
  }
  if (link.kind === 'cyclic') {
    const cycle = link.cycle ?? link.hops;
    const text = link.containsItself ? `${cycle[0]} → ${cycle[1]}, a directory that contains the link itself` : cycle.join(' → ');
    return { kind: 'cyclic-link', path: rel, line: 1, message: `symlink cycle: ${text}`, link };
  }
  return { kind: 'escaping-link', path: rel, line: 1, message: `link escapes the repository: resolves to '${link.resolved}'`, link };
}

/** Repo-relative path of a package file's content (absolute when outside the repository). */
export function sourceOf(repo: RepoIndex, file: PackageFile): string {
  const rel = path.relative(realpathSync(repo.root), file.abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file.abs : rel.split(path.sep).join('/');
}
