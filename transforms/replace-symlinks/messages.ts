// Message table of replace-symlinks, keyed by diagnostic code (without the transform prefix).
import { notInSource, type Explanation } from '../../lib/engine/explanations.js';

export const messages = {
  link: "{kind} link to '{resolved}' (target '{target}'){via}",
  'broken-link':
    "broken link: target '{target}' does not exist ('{missing}' is missing){suggestion}; left as is, or pass --remove-broken to delete it",
  'removed-broken': "broken link removed: target '{target}' does not exist ('{missing}' is missing){suggestion}",
  'escaping-link':
    "link escapes the repository: '{path}' resolves to '{resolved}', outside the repository; not copied, pass --allow-outside to copy it anyway",
  'outside-copied':
    "copied from outside the repository ('{resolved}'); no provenance recorded, so drift is not tracked",
  'outside-entry':
    "cannot become a bundle entry: its source '{resolved}' is outside the repository; left as is (use --mode copy --allow-outside)",
  'cyclic-link': 'symlink cycle: {cycle}; not followed, left as is',
  'nested-problem':
    "not replaced: '{resolved}' contains {problem} '{nested}' ({detail}); fix or remove that link first",
  'nested-uncopyable':
    "not replaced: '{resolved}' contains '{nested}', {what}, so the folder cannot be copied whole; left as is",
  'ignored-target': "not replaced: '{resolved}' is git-ignored, so there is nothing to copy; left as is",
  'not-regular-target':
    "not replaced: '{resolved}' is not a regular file ({type}); it is never opened, so there is nothing to copy; left as is",
  'empty-target': "not replaced: '{resolved}' holds no file to copy (git cannot hold an empty directory); left as is",
  'entry-replaced': "bundle entry for '{to}' came from '{before}'; it now comes from '{after}', as the link says",
  drift:
    "copy of '{from}' has drifted from its source: {how} ({count} differing: {files}); run with --sync to refresh it from the source",
  'sync-overwrites-edits':
    "--sync replaces edits made in the copy itself ({files}); port them to '{from}' if they matter",
  'source-missing': "recorded copy of '{from}': the source no longer exists; the copy is left as is",
  'copy-missing':
    "recorded copy of '{from}' at '{to}' no longer exists; remove the entry from the manifest if that is intended",
  'broken-entry': "bundle entry '{to}': source '{from}' does not exist{suggestion}; the package cannot be built",
  'invalid-manifest': '{manifest} cannot be read: {reason}; links of this package are left as they are',
} as const;

export type MessageCode = keyof typeof messages;

/** `repomod explain` entries, one per code (`replace-symlinks/<key>`). Links and manifests take no comments. */
export const explanations = {
  'replace-symlinks/link': {
    severity: 'info',
    summary: 'a file or directory symlink: its resolved target, raw target and chain hops',
    why: 'a deploy step that uploads a folder as it is (Cloud Functions, a zip) does not follow links: the function fails at start-up with ModuleNotFoundError',
    before: 'fn_a/shared -> ../shared          (a directory link)',
    after:
      'fn_a/shared/config.py             (a real copy, --mode copy)\nfn_a/repomod.bundle.json          (or an entry, --mode bundle)',
    fix: 'run `repomod replace-symlinks --mode copy` or `--mode bundle` and --apply; listed with --verbose only',
    suppress: notInSource('replace-symlinks/link', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/broken-link': {
    severity: 'error',
    summary: "a symlink's target does not exist",
    why: 'the deploy step (`rsync -L`, an upload) fails on it, or the module it stood for is missing at run time',
    before: 'fn_espn/shared/espn_client.py -> ../../shared/espon_client.py   # typo',
    after: 'fn_espn/shared/espn_client.py -> ../../shared/espn_client.py',
    fix: 'fix the target (the message names a likely typo), or pass --remove-broken to delete the link',
    suppress: notInSource('replace-symlinks/broken-link', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/removed-broken': {
    severity: 'info',
    summary: 'a broken link deleted by --remove-broken',
    why: 'the deletion is part of the diff: the message says what the link pointed at so a reviewer can tell whether it was needed',
    before: 'fn_a/old.py -> ../shared/gone.py   (broken)',
    after: '(fn_a/old.py deleted)',
    fix: 'nothing; restore the link from git if it was needed',
    suppress: notInSource('replace-symlinks/removed-broken', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/escaping-link': {
    severity: 'error',
    summary: 'a link resolves outside the repository; never copied without --allow-outside',
    why: 'a link into /home/someone or another checkout works on one machine only; copying it would put files from outside the repository into it',
    before: 'fn_a/creds.json -> /home/dev/creds.json',
    after: '(link removed; the file comes from the deploy environment)',
    fix: 'point the link inside the repository, or pass --allow-outside to copy it deliberately',
    suppress: notInSource('replace-symlinks/escaping-link', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/outside-copied': {
    severity: 'warning',
    summary: 'a link outside the repository was copied (--allow-outside); no provenance recorded',
    why: 'the copy is not tracked: when the outside file changes, drift goes unnoticed',
    before: 'fn_a/ca.pem -> /etc/ssl/ca.pem',
    after: 'fn_a/ca.pem   (a regular file, copied)',
    fix: 'nothing, if intended; otherwise bring the source into the repository and link to it there',
    suppress: notInSource('replace-symlinks/outside-copied', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/outside-entry': {
    severity: 'error',
    summary: 'a link whose source is outside the repository cannot become a bundle entry',
    why: 'a bundle entry is a path inside the repository; the package build could not reproduce it elsewhere',
    before: 'fn_a/ca.pem -> /etc/ssl/ca.pem   (with --mode bundle)',
    after: '$ repomod replace-symlinks --mode copy --allow-outside',
    fix: 'use --mode copy --allow-outside, or move the source into the repository',
    suppress: notInSource('replace-symlinks/outside-entry', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/cyclic-link': {
    severity: 'error',
    summary: 'a loop of links, or a directory link to its own ancestor; not followed',
    why: 'anything that follows links (rsync -L, a deploy upload, `find -L`) loops or fails on it',
    before: 'a/loop -> ../a',
    after: '(link removed)',
    fix: 'remove or retarget one link of the cycle',
    suppress: notInSource('replace-symlinks/cyclic-link', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/nested-problem': {
    severity: 'error',
    summary: 'a directory link whose target holds a broken, escaping or cyclic link; not replaced',
    why: 'copying the folder would copy the bad link too, so the copy would fail the deploy the same way',
    before: 'fn_a/shared -> ../shared   # shared/old.py -> missing.py',
    after: 'fn_a/shared/...   (after fixing shared/old.py)',
    fix: 'fix or remove the inner link first, then run again',
    suppress: notInSource('replace-symlinks/nested-problem', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/nested-uncopyable': {
    severity: 'error',
    summary:
      'a directory link whose target holds something that cannot be copied whole (a FIFO, an unreadable folder, git-ignored or .git content)',
    why: 'a partial copy would be a package that differs from what the link showed',
    before: 'fn_a/shared -> ../shared   # shared/run.fifo is a FIFO',
    after: '(the FIFO removed from shared/, then the folder copied)',
    fix: 'remove or move what the message names, then run again',
    suppress: notInSource('replace-symlinks/nested-uncopyable', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/ignored-target': {
    severity: 'error',
    summary: "a link's target is git-ignored, so there is nothing to copy",
    why: 'a copy of an ignored file would be a file git does not track: the next clone lacks it',
    before: 'fn_a/.env -> ../.env   # .env is in .gitignore',
    after: '(the value comes from the deploy environment instead)',
    fix: 'track the target, or give the function the file another way',
    suppress: notInSource('replace-symlinks/ignored-target', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/not-regular-target': {
    severity: 'error',
    summary: "a link's target is a FIFO, socket or device; never opened",
    why: 'opening it could block forever; it cannot be deployed as a file',
    before: 'fn_a/log -> /dev/stdout',
    after: '(link removed)',
    fix: 'remove the link or point it at a regular file',
    suppress: notInSource('replace-symlinks/not-regular-target', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/empty-target': {
    severity: 'warning',
    summary: "a directory link's target holds no file (git cannot hold an empty directory)",
    why: 'a copy would be an empty folder that git drops, so the next clone lacks it anyway',
    before: 'fn_a/cache -> ../cache   # cache/ is empty',
    after: '(link removed, or a file such as .gitkeep added to cache/)',
    fix: 'add the files the folder should hold, or remove the link',
    suppress: notInSource('replace-symlinks/empty-target', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/entry-replaced': {
    severity: 'warning',
    summary: "a bundle entry's source was replaced by what the link in its place says",
    why: 'the manifest and the link disagreed; the build now copies from another source',
    before: '"entries": [{"from": "shared/old_config.py", "to": "config.py"}] and config.py -> ../shared/config.py',
    after: '"entries": [{"from": "shared/config.py", "to": "config.py"}]',
    fix: 'check the new source is the intended one',
    suppress: notInSource('replace-symlinks/entry-replaced', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/drift': {
    severity: 'error',
    summary: 'a recorded copy differs from its source',
    why: 'copies that drift apart are fixed in one function and not in the others; the deploy ships old code',
    before: 'fn_a/shared/config.py   REGION = "us-east1"     # source: REGION = "us-central1"',
    after: 'fn_a/shared/config.py   REGION = "us-central1"',
    fix: "run with --sync to refresh the copy from its source (port the copy's own edits to the source first)",
    suppress: notInSource('replace-symlinks/drift', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/sync-overwrites-edits': {
    severity: 'warning',
    summary: '--sync replaces edits that were made in the copy itself',
    why: 'those edits are lost unless they are ported to the source',
    before: 'fn_a/shared/config.py edited by hand, then --sync',
    after: 'fn_a/shared/config.py equal to shared/config.py',
    fix: "port the copy's edits to the source before --apply",
    suppress: notInSource('replace-symlinks/sync-overwrites-edits', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/source-missing': {
    severity: 'warning',
    summary: "a recorded copy's source no longer exists; the copy is left as is",
    why: 'the copy can no longer be checked for drift or refreshed',
    before: 'repomod.bundle.json records shared/old.py -> fn_a/old.py; shared/old.py was deleted',
    after: '(the copies entry removed, or the source restored)',
    fix: 'remove the record from the manifest, or restore the source',
    suppress: notInSource('replace-symlinks/source-missing', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/copy-missing': {
    severity: 'warning',
    summary: 'a recorded copy no longer exists',
    why: 'the manifest describes a file the package no longer has',
    before: 'repomod.bundle.json records fn_a/old.py; fn_a/old.py was deleted',
    after: '(the record removed from the manifest)',
    fix: 'remove the record from the manifest if the deletion is intended',
    suppress: notInSource('replace-symlinks/copy-missing', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/broken-entry': {
    severity: 'error',
    summary: "a bundle entry's source does not exist; the package cannot be built",
    why: '`repomod bundle build` (the deploy step) fails, or the function lacks the module',
    before: '{"from": "shared/espon_client.py", "to": "espn_client.py"}',
    after: '{"from": "shared/espn_client.py", "to": "espn_client.py"}',
    fix: "fix the entry's from path (the message names a likely typo)",
    suppress: notInSource('replace-symlinks/broken-entry', '--ignore GLOB skips the link or folder'),
  },
  'replace-symlinks/invalid-manifest': {
    severity: 'error',
    summary: 'repomod.bundle.json cannot be read; the links of its package are left as they are',
    why: 'nothing in that package can be checked or built until the manifest is valid',
    before: '{"entries": [{"from": "shared/config.py", "to": }]}',
    after: '{"entries": [{"from": "shared/config.py", "to": "config.py"}]}',
    fix: 'fix the JSON (the message says where)',
    suppress: notInSource('replace-symlinks/invalid-manifest', '--ignore GLOB skips the link or folder'),
  },
} satisfies Record<`replace-symlinks/${MessageCode}`, Explanation>;
