// The repository plan: files that move under path rules are rewritten from their new place here
// (and, with moveFiles / `repomod move`, moved as git renames), in the main thread, once.
import { lstatSync, readFileSync } from 'node:fs';
import { fillMessage, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { ConfigError, RefusedError } from '../../lib/engine/errors.js';
import { decodeText, encodeText } from '../../lib/engine/files.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange, FileState, PlanContext } from '../../lib/engine/types.js';
import { messages } from './messages.js';
import type { RewriteImportsOptions } from './options.js';
import { needsParse } from './needles.js';
import { rewriteFile } from './rewrite-file.js';
import { checkMovedPackages } from './check-packages.js';
import { moveDestination, movedPath } from './move-paths.js';
import { planIgnoredFiles, planPackageInits } from './plan-folders.js';
import { planLinks } from './plan-links.js';
import { isMovingFile, nestingRules, type RuleSet } from './rules.js';
import { planTextReferences } from './text-files.js';
import { mentionsOf } from './text-references.js';
import { planTsconfigPaths } from './tsconfig-paths.js';

type Report = (diagnostic: Diagnostic) => void;

/** Rewrite (and with `moveFiles`, move) every file a path or module rule relocates. */
export async function planMoves(
  repo: RepoIndex,
  set: RuleSet,
  options: RewriteImportsOptions,
  report: Report,
  count: (rule: string) => void = () => {},
  context: PlanContext,
): Promise<FileChange[]> {
  if (options.moveFiles)
    checkMoves(
      repo,
      set,
      options.map.map((m) => m.split('=')[0]),
    );
  const unreachable: Diagnostic[] = [...context.fileDiagnostics].filter(cannotRewrite);
  const outer = report;
  report = (d) => {
    if (cannotRewrite(d)) unreachable.push(d);
    outer(d);
  };
  for (const rule of nestingRules(set)) {
    const again = rule.to + rule.to.slice(rule.from.length);
    report({
      path: rule.at,
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'rewrite-imports/nests-again',
      message: fillMessage(messages['rewrite-imports/nests-again'], { ...rule, again }),
    });
  }
  const changes: FileChange[] = [];
  const moving = repo.files.filter((f) => isMovingFile(set, f) || (options.moveFiles && moveDestination(set, f)));
  for (const file of moving) {
    const destination = options.moveFiles ? moveDestination(set, file) : undefined;
    const before = readState(repo, file);
    if (!before) continue;
    let after: FileState = before;
    const language = /\.pyi?$/.test(file) ? 'python' : /\.[cm]?[jt]sx?$/.test(file) ? 'javascript' : undefined;
    if (language && before.kind === 'file') {
      const decoded = decodeText(before.bytes);
      // a moving file needs a parse only for its relative imports or an old module it names
      const relative =
        language === 'python' ? /\bfrom[ \t\\]+\./.test(decoded.text) : /['"`]\.\.?[/'"`]/.test(decoded.text);
      if (
        !decoded.binary &&
        (relative || options.absolute || needsParse(decoded.text, file, set, options.absolute, language === 'python'))
      ) {
        const shownPath = destination ?? file;
        const findings: Diagnostic[] = [];
        try {
          const output = await rewriteFile(
            decoded.text,
            file,
            language,
            set,
            options,
            (f) => {
              const position =
                f.index !== undefined
                  ? positionAt(decoded.text, f.index)
                  : { line: f.line ?? 1, column: f.column ?? 1 };
              findings.push({
                path: shownPath,
                ...position,
                severity: f.severity,
                code: f.code,
                message: f.message,
                ...(f.fails ? { fails: true } : {}),
              });
            },
            count,
          );
          if (output !== decoded.text)
            after = { kind: 'file', bytes: encodeText(output, decoded.bom), executable: before.executable };
        } catch (error) {
          findings.push({
            path: file,
            line: 1,
            column: 1,
            severity: 'error',
            code: 'parse-error',
            message: `file does not parse (${(error as Error).message.split('\n')[0]}); its imports were not rewritten`,
          });
        }
        findings.forEach(report);
      }
    }
    if (destination) changes.push({ path: destination, before, after, renamedFrom: file });
    else if (after !== before) changes.push({ path: file, before, after });
  }
  if (options.moveFiles) await planAround(repo, set, options, changes, report);
  // mentions outside code: deploy scripts, YAML, Dockerfiles, entry points, docs; not in the
  // check gate, where the rules stay for good and the prose about the move would be noise
  const moved = new Map(changes.filter((c) => c.renamedFrom).map((c) => [c.renamedFrom!, c]));
  const scope = context.paths;
  // tsconfig `paths` entries naming one moved file or folder follow it, so '@env' stays '@env';
  // those files are edited as data, never a second time as text
  const tsconfigs = planTsconfigPaths(repo, set, count);
  const owned = new Set(tsconfigs.map((c) => c.path));
  const inScope = (file: string) =>
    !owned.has(file) && (scope.length === 0 || scope.some((p) => file === p || file.startsWith(`${p}/`)));
  const mentions = context.mode === 'check' ? [] : mentionsOf(set);
  const text = planTextReferences(repo, mentions, inScope, options.rewriteText, report, moved);
  if (text.summary.references > 0) context.attach('textReferences', text.summary);
  if (options.moveFiles && context.mode === 'apply' && !options.allowDamaged && unreachable.length > 0)
    refuseHalfMove(unreachable);
  return [...changes, ...tsconfigs, ...text.changes];
}

/** A reference the run could not rewrite: in a damaged region, or in a file that does not parse at all. */
const cannotRewrite = (d: Diagnostic) =>
  d.severity === 'error' && (d.code === 'rewrite-imports/damaged-reference' || d.code === 'parse-error');

/** Nothing half-moved: the files would move while some of their importers keep the old name. */
function refuseHalfMove(unreachable: Diagnostic[]): never {
  const shown =
    unreachable
      .slice(0, 3)
      .map((d) => `${d.path}:${d.line}`)
      .join(', ') + (unreachable.length > 3 ? `, … ${unreachable.length - 3} more` : '');
  throw new RefusedError(
    `refusing to move: ${unreachable.length === 1 ? '1 reference' : `${unreachable.length} references`} to what moves cannot be rewritten (${shown}: the file does not parse there); nothing was written`,
    'fix the syntax there and run again (the dry run lists each one), or pass --allow-damaged to move anyway and fix them by hand',
  );
}

function readState(repo: RepoIndex, file: string): (FileState & { kind: 'file' }) | undefined {
  try {
    const abs = repo.absolute(file);
    const stat = lstatSync(abs);
    if (!stat.isFile()) return undefined;
    return { kind: 'file', bytes: readFileSync(abs), executable: (stat.mode & 0o111) !== 0 };
  } catch {
    return undefined;
  }
}

/** A move needs something at OLD and nothing at NEW. */
function checkMoves(repo: RepoIndex, set: RuleSet, from: string[]): void {
  if (set.paths.length === 0)
    throw new ConfigError(
      `nothing to move at '${from.join("', '") || '?'}'`,
      'give OLD and NEW as repository paths, e.g. repomod move src/utils/auth.ts src/utils/middlewares/auth.ts',
    );
  for (const rule of set.paths) {
    if (!rule.oldExists) {
      // already moved (a rerun, or `git mv` done by hand): only the imports are left to follow
      if (rule.isFile ? repo.existsOnDisk(rule.to) : !isEmptyTarget(repo, rule.to)) continue;
      throw new ConfigError(
        `nothing to move at '${rule.from}'`,
        'OLD must be a file or directory in the repository (not ignored)',
      );
    }
    const taken = rule.isFile
      ? repo.existsOnDisk(rule.to)
      : repo.existsOnDisk(rule.to) && !isEmptyTarget(repo, rule.to);
    if (taken)
      throw new ConfigError(
        `'${rule.to}' already exists`,
        'move to a new path, or use rewrite-imports --map after moving by hand',
      );
  }
}

const isEmptyTarget = (repo: RepoIndex, dir: string) => !repo.files.some((f) => f.startsWith(`${dir}/`));

/**
 * What a move takes along besides the files: links and bundle entries, the folder's git-ignored
 * files, new packages' `__init__.py`; then the deploy packages it touches are closure-checked.
 */
async function planAround(
  repo: RepoIndex,
  set: RuleSet,
  options: RewriteImportsOptions,
  changes: FileChange[],
  report: Report,
): Promise<void> {
  const taken = new Set(changes.map((c) => c.path));
  const links = planLinks(repo, set, taken);
  for (const [manifest, text] of links.manifests) {
    const existing = changes.find((c) => c.renamedFrom === manifest) ?? changes.find((c) => c.path === manifest);
    const before = existing?.before ?? readState(repo, manifest);
    if (!before || before.kind !== 'file') continue;
    const after: FileState = {
      kind: 'file',
      bytes: encodeText(text, decodeText(before.bytes).bom),
      executable: before.executable,
    };
    if (existing) existing.after = after;
    else changes.push({ path: manifest, before, after });
  }
  changes.push(...links.changes);
  const ignored = planIgnoredFiles(repo, set, taken);
  changes.push(...ignored.changes);
  for (const rule of set.paths) {
    const moved = ignored.changes
      .filter((c) => c.renamedFrom!.startsWith(`${rule.from}/`) && c.path.startsWith(`${rule.to}/`))
      .map((c) => c.path);
    if (moved.length === 0) continue;
    const values = {
      count: moved.length,
      files: moved.length === 1 ? 'file' : 'files',
      verb: moved.length === 1 ? 'moves' : 'move',
      list: moved.join(', '),
    };
    report({
      path: rule.to,
      line: 1,
      column: 1,
      severity: 'info',
      code: 'rewrite-imports/ignored-files-moved',
      message: fillMessage(messages['rewrite-imports/ignored-files-moved'], values),
    });
  }
  for (const file of ignored.left) {
    const destination = movedPath(set, file)!;
    report({
      path: file,
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'rewrite-imports/ignored-file-left',
      message: fillMessage(messages['rewrite-imports/ignored-file-left'], { path: file, destination }),
    });
  }
  changes.push(...planPackageInits(repo, set, changes));
  await checkMovedPackages(repo, set, options, links, changes, report);
}
