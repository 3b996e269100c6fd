// Diagnostics of rewrite-imports, keyed by code; placeholders are filled with fillMessage.
import { notInSource, type Explanation } from '../../lib/engine/explanations.js';

export const messages = {
  'rewrite-imports/missing-module':
    "'{target}' is not in the repository (rewritten from '{original}' by rule {rule}); check the rule, or move the module there",
  'rewrite-imports/forbidden-import':
    "'{module}' may not be imported in {scope} (rule {rule} forbids '{prefix}'); no rule rewrites it: import it from elsewhere or move the code",
  'rewrite-imports/forbidden-import-fixed':
    "'{module}' may not be imported in {scope} (rule {rule} forbids '{prefix}'); rewritten to '{target}'",
  'rewrite-imports/relative-beyond-root':
    "relative import '{specifier}' climbs above the top-level package from {where}, where Python raises ImportError; left unchanged: fix the dots, or add the right --source-root",
  'rewrite-imports/not-in-source-root':
    "'{path}' is under no Python source root, so its relative imports cannot be resolved; left unchanged (add --source-root)",
  'rewrite-imports/nests-again':
    "rule {label} moves '{from}' inside itself ('{to}'): a second run would rewrite '{to}' to '{again}'; run it once, or limit it with onlyIn",
  'rewrite-imports/package-misses-module':
    "after the move the deploy package '{package}' misses '{module}' (the repository has it in {repoFile}); import chain: {chain}; add a link or bundle entry for it (repomod bundle closure --fix)",
  'rewrite-imports/package-unresolved-module':
    "after the move '{module}', imported by the deploy package '{package}', is neither in the package nor in the repository; import chain: {chain}",
  'rewrite-imports/ignored-files-moved':
    '{count} git-ignored {files} {verb} with the folder, as git mv moves them: {list}',
  'rewrite-imports/ignored-file-left':
    "git-ignored '{path}' is left where it is: '{destination}' already exists and is never overwritten",
  'rewrite-imports/unused-rule':
    "rule {rule} rewrote nothing: '{from}' is not in the repository; did you mean '{suggestion}'?",
  'rewrite-imports/stale-reference': "'{found}' moves to '{to}' (rule {rule}); {flag} updates it",
  'rewrite-imports/stale-reference-fixed': "'{found}' moves to '{to}' (rule {rule}); rewritten",
  'rewrite-imports/damaged-file':
    'file does not parse ({reason}); {rewritten} made away from the damage, {damaged} inside it left unchanged',
  'rewrite-imports/damaged-reference':
    "'{found}' on line {line} is inside a damaged region (the file stops parsing at line {errorLine}: {reason}); left unchanged: fix the syntax and run again",
} as const;

export type MessageCode = keyof typeof messages;

/** One finding for several names of one `from m import a, b, c` or `import a, b` statement (report.ts: reportPerStatement). */
export const statementMessages = {
  'rewrite-imports/missing-module':
    '{targets} are not in the repository (rewritten from {origin} by {rules}); check {check}, or move the modules there',
  'rewrite-imports/forbidden-import':
    '{names} may not be imported in {scope} ({bans}); no rule rewrites them: import them from elsewhere or move the code',
  'rewrite-imports/forbidden-import-fixed': '{names} may not be imported in {scope} ({bans}); rewritten to {targets}',
} as const satisfies Partial<Record<MessageCode, string>>;

/** `repomod explain` entries, one per code (parse-error is the engine's). */
export const explanations = {
  'rewrite-imports/missing-module': {
    severity: 'warning (error with --strict)',
    summary: 'a rewritten import points at a module that is not in the repository',
    why: 'the rewritten file fails with ModuleNotFoundError when it runs: usually a typo in the rule, or the move has not happened yet',
    before: 'from pipeline.common.util import lock     # rule pipeline.common.util=common.utils (a typo)',
    after: 'from common.util import lock               # rule pipeline.common.util=common.util',
    fix: 'check the rule (the message names it); or move the module to the new path first',
  },
  'rewrite-imports/forbidden-import': {
    severity: 'error (warning when a rule rewrites it out of the ban)',
    summary: 'an import that a forbid rule bans in this file',
    why: "shared code that imports a service's private tree breaks every other service that uses the shared code",
    before: '# shared/report.py\nfrom services.private.db import connect',
    after: '# shared/report.py\nfrom shared.db import connect',
    fix: 'import it from an allowed place, or move the code; a rule that maps the banned prefix rewrites it',
    messages: ['rewrite-imports/forbidden-import-fixed'],
  },
  'rewrite-imports/relative-beyond-root': {
    severity: 'warning',
    summary: 'a relative import climbs above the top-level package of its source root; left unchanged',
    why: 'Python raises ImportError when it runs: "attempted relative import beyond top-level package" (more dots than the package has levels), or "attempted relative import with no known parent package" (any relative import in a top-level module); repomod cannot tell which module it meant, so no rule rewrites it',
    before: 'from ..config import x     # in pkg/a.py: `.` is pkg, the top; `..` climbs above it',
    after: 'from config import x',
    fix: 'fix the number of dots, or add the right --source-root',
  },
  'rewrite-imports/not-in-source-root': {
    severity: 'info',
    summary: '--absolute on a file under no Python source root: its relative imports cannot be resolved',
    why: 'repomod cannot tell which package the file belongs to, so it cannot write an absolute import for it',
    before: '$ repomod rewrite-imports --absolute scripts/tool.py',
    after: '$ repomod rewrite-imports --absolute --source-root scripts scripts/tool.py',
    fix: 'add the folder with --source-root (or "sourceRoot" under rewrite-imports in the config)',
  },
  'rewrite-imports/nests-again': {
    severity: 'warning',
    summary: 'a rule moves a module inside itself (a.b=a.b.sub): a second run would nest it again',
    why: 'running the same rule in CI would rewrite a.b.sub to a.b.sub.sub on every run',
    before: '"map": ["common.util=common.util.legacy"]',
    after: '"map": ["common.util=common.util.legacy"], "onlyIn": ["services/**"]     # or run it once, off CI',
    fix: 'run such a rule once, or limit it with onlyIn',
    suppress: notInSource('rewrite-imports/nests-again', 'fix or remove the rule'),
  },
  'rewrite-imports/package-misses-module': {
    severity: 'warning (error with --strict)',
    summary: 'after the move, a deploy package needs a module it does not contain',
    why: 'the function deploys without the module and fails at start-up with ModuleNotFoundError',
    before:
      'fn_a/main.py: from shared.config import x    # shared/ moved to platform_shared/, fn_a/shared links the old path',
    after: 'fn_a/platform_shared -> ../platform_shared   (or a bundle entry)',
    fix: 'add a link or bundle entry (repomod bundle closure fn_a/main.py --fix manifest)',
    suppress: notInSource('rewrite-imports/package-misses-module', 'it is about a moved folder, not a line'),
  },
  'rewrite-imports/package-unresolved-module': {
    severity: 'warning (error with --strict)',
    summary: 'after the move, a deploy package imports a module found nowhere',
    why: 'the function fails at start-up with ModuleNotFoundError',
    before: 'fn_a/main.py: from shared.helpers import y    # shared/helpers.py exists in no place',
    after: 'fn_a/main.py: from shared.utils import y',
    fix: 'check the import chain in the message and fix the import or the move',
    suppress: notInSource('rewrite-imports/package-unresolved-module', 'it is about a moved folder, not a line'),
  },
  'rewrite-imports/ignored-files-moved': {
    severity: 'info',
    summary: 'git-ignored files a moved folder takes along, as git mv does',
    why: 'local files (.env, caches) move with the folder; the diff does not show them, so they are named',
    before: 'pkg/old/.env   (ignored)',
    after: 'pkg/new/.env',
    fix: 'nothing; move them back by hand if they belong to the old place',
    suppress: notInSource('rewrite-imports/ignored-files-moved', 'it is about a moved folder, not a line'),
  },
  'rewrite-imports/ignored-file-left': {
    severity: 'warning',
    summary: 'a git-ignored file stays behind because its destination already exists',
    why: 'a local file (a .env) is not where the code now looks for it',
    before: 'pkg/old/.env and pkg/new/.env both exist',
    after: 'pkg/old/.env left; pkg/new/.env unchanged',
    fix: 'merge the two files by hand',
    suppress: notInSource('rewrite-imports/ignored-file-left', 'it is about a moved folder, not a line'),
  },
  'rewrite-imports/unused-rule': {
    severity: 'warning (error with --check or --strict)',
    summary: 'a rule rewrote nothing: its OLD is not in the repository, and something near it is',
    why: 'a typo in a rule (shared.utls) silently rewrites nothing, so the stale imports stay',
    before: '"map": ["shared.utls=platform_shared.utils"]',
    after: '"map": ["shared.utils=platform_shared.utils"]',
    fix: 'fix the rule (the message names the nearest module or path), or remove it',
    suppress: notInSource('rewrite-imports/unused-rule', 'fix or remove the rule'),
  },
  'rewrite-imports/stale-reference': {
    severity: 'info',
    summary: 'a non-code file, comment or docstring names a moved path or module',
    why: 'docs, READMEs, Dockerfiles and deploy scripts that name the old path lead the next reader (or the deploy) astray',
    before: '# see pipeline/common/util/lock.py\nCOPY pipeline/common/util /app/util',
    after: '# see common/util/lock.py\nCOPY common/util /app/util',
    fix: 'rerun with --rewrite-text (non-code files) or --rewrite-docs (comments and docstrings)',
    messages: ['rewrite-imports/stale-reference-fixed'],
  },
  'rewrite-imports/damaged-file': {
    severity: 'warning (the file counts as failed)',
    summary: 'a Python file does not parse; what lies away from the damage was rewritten',
    why: 'the file already fails at import; references on its damaged lines could not be rewritten',
    before: 'from pipeline.common.util import lock\nlogger.error("x"\n, exc_info=True, exc_info=True)',
    after: 'from common.util import lock\nlogger.error("x", exc_info=True)',
    fix: 'fix the syntax (repomod fix-call-syntax), then run again',
  },
  'rewrite-imports/damaged-reference': {
    severity: 'error',
    summary: 'a reference to a moved module inside the damaged region of a file that does not parse; left unchanged',
    why: 'after the move the reference points at nothing, and it will fail as soon as the syntax is fixed',
    before: 'def f(:\n    import pipeline.common.util.lock',
    after: 'def f():\n    import common.util.lock',
    fix: 'fix the syntax and run again; move --apply refuses a half-move unless --allow-damaged',
  },
} satisfies Record<Exclude<MessageCode, `${string}-fixed`>, Explanation>;
