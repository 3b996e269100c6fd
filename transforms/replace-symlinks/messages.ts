// Message table of replace-symlinks, keyed by diagnostic code (without the transform prefix).
export const messages = {
  link: "{kind} link to '{resolved}' (target '{target}'){via}",
  'broken-link': "broken link: target '{target}' does not exist ('{missing}' is missing){suggestion}; left as is, or pass --remove-broken to delete it",
  'removed-broken': "broken link removed: target '{target}' does not exist ('{missing}' is missing){suggestion}",
  'escaping-link': "link escapes the repository: '{path}' resolves to '{resolved}', outside the repository; not copied, pass --allow-outside to copy it anyway",
  'outside-copied': "copied from outside the repository ('{resolved}'); no provenance recorded, so drift is not tracked",
  'outside-entry': "cannot become a bundle entry: its source '{resolved}' is outside the repository; left as is (use --mode copy --allow-outside)",
  'cyclic-link': 'symlink cycle: {cycle}; not followed, left as is',
  'nested-problem': "not replaced: '{resolved}' contains {problem} '{nested}' ({detail}); fix or remove that link first",
  'nested-uncopyable': "not replaced: '{resolved}' contains '{nested}', {what}, so the folder cannot be copied whole; left as is",
  'ignored-target': "not replaced: '{resolved}' is git-ignored, so there is nothing to copy; left as is",
  'not-regular-target': "not replaced: '{resolved}' is not a regular file ({type}); it is never opened, so there is nothing to copy; left as is",
  'empty-target': "not replaced: '{resolved}' holds no file to copy (git cannot hold an empty directory); left as is",
  'entry-replaced': "bundle entry for '{to}' came from '{before}'; it now comes from '{after}', as the link says",
  drift: "copy of '{from}' has drifted from its source: {how} ({count} differing: {files}); run with --sync to refresh it from the source",
  'sync-overwrites-edits': "--sync replaces edits made in the copy itself ({files}); port them to '{from}' if they matter",
  'source-missing': "recorded copy of '{from}': the source no longer exists; the copy is left as is",
  'copy-missing': "recorded copy of '{from}' at '{to}' no longer exists; remove the entry from the manifest if that is intended",
  'broken-entry': "bundle entry '{to}': source '{from}' does not exist{suggestion}; the package cannot be built",
  'invalid-manifest': '{manifest} cannot be read: {reason}; links of this package are left as they are',
} as const;

export type MessageCode = keyof typeof messages;
