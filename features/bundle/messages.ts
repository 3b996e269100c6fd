// Messages of `repomod bundle` (codes `bundle/<code>`), and the step from findings to diagnostics.
import path from 'node:path';
import { fillMessage, type Diagnostic } from '../../lib/engine/diagnostics.js';
import type { Closure, ClosureFinding } from '../../lib/deploy/closure.js';
import type { Explanation } from '../../lib/engine/explanations.js';
import type { DependencyProblem } from '../../lib/deploy/requirements.js';
import type { PackagePlan, PackageProblem } from '../../lib/deploy/package.js';

export const messages = {
  'missing-module':
    "'{module}' is imported{context} but missing from the package '{package}': the repository has it in {repoFile}; the deploy fails with ModuleNotFoundError (--fix provides it)",
  'missing-optional-module':
    "'{module}' is imported{context} but missing from the package '{package}' (the repository has it in {repoFile}): the code it guards is silently off",
  'unresolved-module': "'{module}' is imported{context} but is neither in the package nor in the repository",
  'relative-beyond-top':
    "relative import '{module}'{context} climbs above the package's top level, where Python raises ImportError; fix the dots, or import it absolutely from the package's top",
  'undeclared-dependency':
    "'{module}' is imported{context} but no dependency declared in {files} provides it; add '{distribution}'",
  'undeclared-not-installed':
    "'{module}' is imported{context} but no dependency declared in {files} provides it, and {python} does not have it installed; add '{distribution}'",
  'undeclared-installed':
    "'{module}' is imported{context} and {python} has it from '{distribution}', but no dependency declared in {files} pulls that in; add '{distribution}'",
  'indirect-dependency':
    "'{module}' is imported{context} but not declared in {files}; '{distribution}' usually comes with the declared '{via}'. Declare it if the code relies on it directly, or pass --python to check the real environment",
  'indirect-dependency-uninstalled':
    "'{module}' is imported{context} but not declared in {files}; '{distribution}' usually comes with the declared '{via}', which {python} does not have installed. Declare it if the code relies on it directly",
  'python-environment':
    'cannot ask {python} which distributions it has installed ({reason}); third-party imports are checked against built-in tables',
  'removed-stdlib':
    "'{module}' was removed from the standard library in Python {version}; the import fails on newer runtimes",
  'parse-error': 'file does not parse; imports after the error may be missed',
  'no-dependency-file':
    'the package declares no dependencies (no requirements.txt or pyproject.toml), so its third-party imports will not be installed',
  'unused-file': "not reached from {entry}'s imports (dynamic imports are not followed)",
  'cannot-fix': "cannot provide '{destination}': {reason}",
  'unreadable-file': 'file is not read: it {reason}; its imports are not followed',
  'refused-include':
    "'-r {include}' is not read: {reason}; requirements files may include only files inside the repository",
  'unreadable-dependency-file': "'{file}' is not read: it {reason}; the dependencies it declares are not counted",
  'include-cycle': "'-r {include}' includes '{file}' again ({cycle}); each file is read once",
} as const;

/** Findings of `repomod bundle` are not filtered by ignore comments or --ignore-code. */
const BUNDLE_FIX = ['none: repomod bundle reads no ignore comments and takes no --ignore-code; fix the cause'];
const BUNDLE_MODULE = [
  '`repomod bundle closure --ignore-module MODULE` for a module the runtime provides; repomod bundle reads no ignore comments',
];

type BundleCode =
  `bundle/${ClosureFinding['kind'] | PackageProblem['kind'] | DependencyProblem['kind'] | 'unused-file' | 'cannot-fix' | 'python-environment'}`;

/** `repomod explain` entries, one per code `repomod bundle` reports. */
export const explanations = {
  'bundle/missing-module': {
    severity: 'error (warning inside try/except ImportError)',
    summary: "a module the entry file's imports need is in the repository but not in the deploy package",
    why: 'the deploy uploads the package folder only, so the function fails with ModuleNotFoundError at start-up (or on the first call that reaches a lazy import)',
    before: 'fn_a/main.py: from shared.espn_client import fetch    # fn_a/shared/ has no espn_client.py',
    after: 'fn_a/shared/espn_client.py -> ../../shared/espn_client.py   (or a bundle entry)',
    fix: 'repomod bundle closure fn_a/main.py --fix manifest (or links, copies), then --apply',
    suppress: BUNDLE_MODULE,
    messages: ['missing-optional-module'],
  },
  'bundle/unresolved-module': {
    severity: 'error (warning inside try/except ImportError)',
    summary: 'an import under a first-party package is in neither the package nor the repository',
    why: 'nothing can provide it: the import fails when it runs',
    before: 'from shared.helpers import y    # no shared/helpers.py anywhere',
    after: 'from shared.utils import y',
    fix: 'fix the import (a typo, or a module that was moved or deleted)',
    suppress: BUNDLE_MODULE,
  },
  'bundle/relative-beyond-top': {
    severity: 'error (warning inside try/except ImportError)',
    summary: "a relative import that climbs above the deploy package's top level",
    why: 'the package folder is the top of the import path when deployed: CPython raises "attempted relative import with no known parent package" for any relative import in a top-level module (main.py), and "attempted relative import beyond top-level package" for more dots than the package has levels',
    before: '# fn_a/main.py\nfrom .shared.config import settings',
    after: '# fn_a/main.py\nfrom shared.config import settings',
    fix: 'fix the dots, or import the module absolutely from the package top',
    suppress: BUNDLE_FIX,
  },
  'bundle/undeclared-dependency': {
    severity:
      'error (warning inside a function, try/except ImportError, or when a declared requirement commonly provides it)',
    summary: 'a third-party import that no dependency declared in requirements.txt or pyproject.toml provides',
    why: 'the platform installs only what is declared: the import fails at start-up on the deployed function although it works on your machine',
    before: '# fn_a/main.py\nimport requests\n# fn_a/requirements.txt\nflask',
    after: '# fn_a/requirements.txt\nflask\nrequests',
    fix: 'add the distribution the message names to the requirements',
    suppress: BUNDLE_MODULE,
    messages: ['undeclared-not-installed', 'undeclared-installed'],
  },
  'bundle/indirect-dependency': {
    severity: 'warning',
    summary:
      'a third-party import not declared itself, but commonly installed by a declared requirement (google-auth by google-cloud-*, urllib3 by requests)',
    why: 'it works while the declared requirement keeps pulling it in; a release that drops it, or a pin, breaks the import on the deployed function',
    before: '# fn_a/main.py\nimport google.auth\n# fn_a/requirements.txt\ngoogle-cloud-storage',
    after: '# fn_a/requirements.txt\ngoogle-cloud-storage\ngoogle-auth',
    fix: 'declare the distribution if the code imports it directly; pass --python (or keep a .venv at the root) so repomod asks the real environment what the requirements pull in',
    suppress: BUNDLE_MODULE,
    messages: ['indirect-dependency-uninstalled'],
  },
  'bundle/python-environment': {
    severity: 'warning',
    summary:
      'the Python environment given by --python (or found at .venv/venv) could not say which distributions it has',
    why: "without it, third-party imports are checked against repomod's built-in tables, which know only common packages",
    before: 'repomod bundle closure fn_a/main.py --python .venv/bin/python   # .venv was deleted',
    after: 'python3 -m venv .venv && .venv/bin/pip install -r fn_a/requirements.txt',
    fix: 'point --python at the interpreter the package installs into, with its requirements installed',
  },
  'bundle/removed-stdlib': {
    severity: 'warning',
    summary: 'a standard-library module that newer Pythons removed',
    why: 'the import fails with ModuleNotFoundError once the runtime is upgraded',
    before: 'import imp',
    after: 'import importlib',
    fix: 'replace the module with its successor (the Python docs of that version name it)',
    suppress: BUNDLE_MODULE,
  },
  'bundle/parse-error': {
    severity: 'warning',
    summary: 'a file of the import closure does not parse; imports after the error may be missed',
    why: 'the closure may be incomplete, so a missing module can go unnoticed; the file itself fails at import',
    before: 'def handler(request:\n    ...',
    after: 'def handler(request):\n    ...',
    fix: 'fix the syntax (repomod check names the position)',
    suppress: BUNDLE_FIX,
  },
  'bundle/no-dependency-file': {
    severity: 'warning',
    summary: 'the package declares no dependencies (no requirements.txt or pyproject.toml)',
    why: 'its third-party imports will not be installed on the platform',
    before: 'fn_a/main.py   (no requirements.txt beside it)',
    after: 'fn_a/main.py\nfn_a/requirements.txt',
    fix: 'add a requirements.txt listing the distributions the package imports',
    suppress: BUNDLE_FIX,
  },
  'bundle/unused-file': {
    severity: 'warning',
    summary: "a package .py file that the entry file's imports never reach (with --unused)",
    why: 'dead files in a deploy package are shipped, reviewed and kept in sync for nothing (dynamic imports are not followed, so check before deleting)',
    before: 'fn_a/old_handler.py   (imported by nothing)',
    after: '(fn_a/old_handler.py deleted)',
    fix: 'delete the file if nothing loads it dynamically',
    suppress: ['run bundle closure without --unused; bundle commands read no ignore comments'],
  },
  'bundle/cannot-fix': {
    severity: 'error',
    summary: '--fix cannot provide a missing file at its destination',
    why: 'the package still lacks the module after the fix',
    before: 'fn_a/shared/config.py exists as another file, where --fix wants to link shared/config.py',
    after: '(the conflicting file removed or renamed, then --fix again)',
    fix: 'clear the destination the message names, or provide the module by hand',
    suppress: BUNDLE_FIX,
  },
  'bundle/unreadable-file': {
    severity: 'error',
    summary: 'a Python file of the closure cannot be read; its imports are not followed',
    why: 'the closure is incomplete: what that file imports is not checked',
    before: '$ chmod 000 fn_a/helpers.py',
    after: '$ chmod 644 fn_a/helpers.py',
    fix: 'make the file readable (or replace the special file with a regular one)',
    suppress: BUNDLE_FIX,
  },
  'bundle/refused-include': {
    severity: 'error',
    summary: "a requirements '-r' include that is absolute or leaves the repository; never read",
    why: 'a pull request must not make repomod read files outside the checkout; the dependencies it would declare are not counted',
    before: '-r /etc/requirements.txt',
    after: '-r ../requirements-common.txt    # a file inside the repository',
    fix: 'include a file inside the repository',
    suppress: BUNDLE_FIX,
  },
  'bundle/unreadable-dependency-file': {
    severity: 'error (warning when missing, a URL, or not valid TOML)',
    summary: 'a requirements or pyproject file that cannot be read',
    why: 'the dependencies it declares are not counted, so imports look undeclared',
    before: '-r requirements-common.txt    # the file does not exist',
    after: '-r requirements-common.txt    # the file committed',
    fix: 'fix the path or the file',
    suppress: BUNDLE_FIX,
  },
  'bundle/include-cycle': {
    severity: 'warning',
    summary: 'requirements files that include each other; each is read once',
    why: 'pip refuses or loops on such includes in some versions',
    before: '# a.txt\n-r b.txt\n# b.txt\n-r a.txt',
    after: '# a.txt\n-r b.txt\n# b.txt\nrequests',
    fix: 'remove one of the includes',
    suppress: BUNDLE_FIX,
  },
  'bundle/broken-link': {
    severity: 'error',
    summary: 'a link in the deploy package whose target does not exist',
    why: '`bundle build` (and rsync -L) fails on it; the module it stood for is missing',
    before: 'fn_a/shared/espn_client.py -> ../../shared/espon_client.py',
    after: 'fn_a/shared/espn_client.py -> ../../shared/espn_client.py',
    fix: 'fix the link target, or remove it',
    suppress: BUNDLE_FIX,
  },
  'bundle/cyclic-link': {
    severity: 'error',
    summary: 'a loop of links in the deploy package',
    why: 'following links (the build, rsync -L) never ends or fails',
    before: 'fn_a/loop -> ../fn_a',
    after: '(link removed)',
    fix: 'remove or retarget one link of the cycle',
    suppress: BUNDLE_FIX,
  },
  'bundle/escaping-link': {
    severity: 'error',
    summary: 'a link or bundle entry in the package resolves outside the repository',
    why: 'the build would copy files from outside the checkout into the deploy, which only works on one machine (and a pull request could point it anywhere)',
    before: 'fn_a/creds.json -> /home/dev/creds.json',
    after: '(link removed; the value comes from the deploy environment)',
    fix: 'point it inside the repository, or pass --allow-outside deliberately',
    suppress: BUNDLE_FIX,
  },
  'bundle/missing-source': {
    severity: 'error',
    summary: "a bundle entry's source does not exist",
    why: 'the package cannot be built; the deploy lacks the file',
    before: '{"from": "shared/espon_client.py", "to": "shared/espn_client.py"}',
    after: '{"from": "shared/espn_client.py", "to": "shared/espn_client.py"}',
    fix: 'fix the entry in repomod.bundle.json',
    suppress: BUNDLE_FIX,
  },
  'bundle/conflict': {
    severity: 'error',
    summary: 'two sources provide the same path in the package (a file and an entry, or two entries)',
    why: 'which one the deploy gets would depend on the order of copying',
    before: 'fn_a/config.py (a file) and {"from": "shared/config.py", "to": "config.py"}',
    after: '(one of them removed)',
    fix: 'keep one provider for the path',
    suppress: BUNDLE_FIX,
  },
  'bundle/invalid-manifest': {
    severity: 'error',
    summary: 'repomod.bundle.json cannot be read',
    why: 'the package cannot be built or checked until it is valid',
    before: '{"entries": [{"from": "shared/config.py", "to": }]}',
    after: '{"entries": [{"from": "shared/config.py", "to": "config.py"}]}',
    fix: 'fix the JSON (the message says where)',
    suppress: BUNDLE_FIX,
  },
  'bundle/not-regular': {
    severity: 'error',
    summary: 'a FIFO, socket or device in the package (or a link or entry to one); never opened',
    why: 'it cannot be deployed as a file, and opening it could block forever',
    before: 'fn_a/log -> /dev/stdout',
    after: '(link removed)',
    fix: 'remove it from the package',
    suppress: BUNDLE_FIX,
  },
  'bundle/unreadable': {
    severity: 'error',
    summary: 'a folder or file of the package cannot be read',
    why: 'the build cannot copy it, so the deploy would lack it',
    before: '$ chmod 000 fn_a/data',
    after: '$ chmod 755 fn_a/data',
    fix: 'make it readable by the user running the build',
    suppress: BUNDLE_FIX,
  },
  'bundle/refused-source': {
    severity: 'error',
    summary: 'a link or entry whose source is inside .git/ or git-ignored',
    why: 'ignored files are not in the next clone (or in CI), so the build differs by machine; .git/ content is never deployed',
    before: '{"from": ".env", "to": ".env"}    # .env is git-ignored',
    after: '(the value comes from the deploy environment)',
    fix: 'point the entry at a tracked file',
    suppress: BUNDLE_FIX,
  },
  'bundle/self-inclusion': {
    severity: 'error',
    summary: 'a bundle entry includes its own package (or the folder holding the manifest)',
    why: 'the package would contain itself without end',
    before: '# fn_a/repomod.bundle.json\n{"entries": [{"from": ".", "to": "vendor"}]}',
    after: '# fn_a/repomod.bundle.json\n{"entries": [{"from": "shared", "to": "shared"}]}',
    fix: 'point the entry at a folder outside the package',
    suppress: BUNDLE_FIX,
  },
} satisfies Record<BundleCode, Explanation>;

const code = (c: string) => `bundle/${c}`;

/** ` inside a function` / ` inside try/except ImportError` / ` in a file reached only through …` / `` */
function contextText(f: ClosureFinding): string {
  if (f.optional) return ' inside try/except ImportError';
  if (f.guardedBy)
    return ` in a file reached only through the try/except ImportError import at ${f.guardedBy.file}:${f.guardedBy.line}`;
  if (f.inFunction) return ' inside a function (it fails when that code runs)';
  return '';
}

/** `.venv/bin/python (Python 3.11.7)`: the environment asked, for messages. */
function pythonShown(closure: Closure): string {
  return closure.environment && 'version' in closure.environment
    ? `${closure.environment.python} (Python ${closure.environment.version})`
    : '';
}

/** Repo-relative path of a package file, for diagnostics. */
export function repoPathOf(plan: PackagePlan, closure: Closure | undefined, packageRel: string): string {
  const file = closure?.files.find((f) => f.path === packageRel);
  if (file && (file.provider === 'missing' || file.provider === 'entry')) return file.source;
  // a file only a bundle entry provides does not exist in the package folder: name its source
  const planned = plan.files.get(packageRel);
  if (planned?.via === 'entry' && planned.abs.startsWith(plan.repoRoot + path.sep))
    return path.relative(plan.repoRoot, planned.abs).split(path.sep).join('/');
  return plan.rel ? `${plan.rel}/${packageRel}` : packageRel;
}

/** Diagnostics for a closure's findings. */
export function closureDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  const pkg = plan.rel || '.';
  const files = closure.dependencyFiles.length ? closure.dependencyFiles.join(' and ') : 'the package';
  return closure.findings.map((f): Diagnostic => {
    const at = { path: repoPathOf(plan, closure, f.file), line: f.line, column: f.column, severity: f.severity };
    switch (f.kind) {
      case 'missing-module':
        return f.optional || f.guardedBy
          ? {
              ...at,
              code: code('missing-module'),
              message: fillMessage(messages['missing-optional-module'], {
                module: f.module,
                context: contextText(f),
                package: pkg,
                repoFile: f.repoFile!,
              }),
            }
          : {
              ...at,
              code: code('missing-module'),
              message: fillMessage(messages['missing-module'], {
                module: f.module,
                context: contextText(f),
                package: pkg,
                repoFile: f.repoFile!,
              }),
            };
      case 'unresolved-module':
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(messages['unresolved-module'], { module: f.module, context: contextText(f) }),
        };
      case 'relative-beyond-top':
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(messages['relative-beyond-top'], { module: f.module, context: contextText(f) }),
        };
      case 'undeclared-dependency': {
        const template =
          f.environment === 'not-installed'
            ? messages['undeclared-not-installed']
            : f.environment === 'installed-undeclared'
              ? messages['undeclared-installed']
              : messages['undeclared-dependency'];
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(template, {
            module: f.module,
            context: contextText(f),
            files,
            distribution: f.distribution!,
            python: pythonShown(closure),
          }),
        };
      }
      case 'indirect-dependency': {
        const template =
          f.environment === 'requirement-not-installed'
            ? messages['indirect-dependency-uninstalled']
            : messages['indirect-dependency'];
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(template, {
            module: f.module,
            context: contextText(f),
            files,
            distribution: f.distribution!,
            via: f.via!,
            python: pythonShown(closure),
          }),
        };
      }
      case 'removed-stdlib':
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(messages['removed-stdlib'], { module: f.module, version: f.distribution! }),
        };
      case 'parse-error':
        return { ...at, code: code(f.kind), message: messages['parse-error'] };
      case 'no-dependency-file':
        return { ...at, code: code(f.kind), message: messages['no-dependency-file'] };
      case 'unreadable-file':
        return {
          ...at,
          code: code(f.kind),
          message: fillMessage(messages['unreadable-file'], { reason: f.reason ?? 'unknown' }),
        };
    }
  });
}

/** Diagnostics for dependency files refused or not read (paths are already repo-relative), and an environment that could not answer. */
export function dependencyDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  const environment = closure.environment && 'reason' in closure.environment ? closure.environment : undefined;
  const entry = repoPathOf(plan, closure, closure.entry);
  const unanswered: Diagnostic[] = environment
    ? [
        {
          path: entry,
          line: 1,
          column: 1,
          severity: 'warning',
          code: code('python-environment'),
          message: fillMessage(messages['python-environment'], {
            python: environment.python,
            reason: environment.reason,
          }),
        },
      ]
    : [];
  return [
    ...unanswered,
    ...closure.dependencyProblems.map((p): Diagnostic => {
      const at = { path: p.path, line: p.line, column: 1, code: code(p.kind) };
      switch (p.kind) {
        case 'refused-include':
          return {
            ...at,
            severity: 'error',
            message: fillMessage(messages['refused-include'], { include: p.include!, reason: p.reason }),
          };
        case 'include-cycle':
          return {
            ...at,
            severity: 'warning',
            message: fillMessage(messages['include-cycle'], { include: p.include!, file: p.file!, cycle: p.reason }),
          };
        case 'unreadable-dependency-file':
          return {
            ...at,
            severity: p.severity ?? 'error',
            message: fillMessage(messages['unreadable-dependency-file'], { file: p.file ?? p.path, reason: p.reason }),
          };
      }
    }),
  ];
}

/** Diagnostics for a package plan's problems (broken links and entries, conflicts): all errors. */
export function packageDiagnostics(plan: PackagePlan): Diagnostic[] {
  return plan.problems.map((p: PackageProblem) => ({
    path: plan.rel ? `${plan.rel}/${p.path}` : p.path,
    line: p.line,
    column: 1,
    severity: 'error' as const,
    code: code(p.kind),
    message: p.message,
  }));
}

/** Warnings for package files the closure never reaches. */
export function unusedDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  return closure.unused.map((rel) => ({
    path: repoPathOf(plan, closure, rel),
    line: 1,
    column: 1,
    severity: 'warning' as const,
    code: code('unused-file'),
    message: fillMessage(messages['unused-file'], { entry: closure.entry }),
  }));
}
