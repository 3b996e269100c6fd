// Diagnostics of rewrite-imports, keyed by code; placeholders are filled with fillMessage.
export const messages = {
  'rewrite-imports/missing-module': "'{target}' is not in the repository (rewritten from '{original}' by rule {rule}); check the rule, or move the module there",
  'rewrite-imports/forbidden-import': "'{module}' may not be imported in {scope} (rule {rule} forbids '{prefix}'); no rule rewrites it: import it from elsewhere or move the code",
  'rewrite-imports/forbidden-import-fixed': "'{module}' may not be imported in {scope} (rule {rule} forbids '{prefix}'); rewritten to '{target}'",
  'rewrite-imports/relative-beyond-root': "relative import '{specifier}' climbs above the source root from '{package}'; left unchanged",
  'rewrite-imports/not-in-source-root': "'{path}' is under no Python source root, so its relative imports cannot be resolved; left unchanged (add --source-root)",
  'rewrite-imports/nests-again': "rule {label} moves '{from}' inside itself ('{to}'): a second run would rewrite '{to}' to '{again}'; run it once, or limit it with onlyIn",
  'rewrite-imports/package-misses-module': "after the move the deploy package '{package}' misses '{module}' (the repository has it in {repoFile}); import chain: {chain}; add a link or bundle entry for it (repomod bundle closure --fix)",
  'rewrite-imports/package-unresolved-module': "after the move '{module}', imported by the deploy package '{package}', is neither in the package nor in the repository; import chain: {chain}",
  'rewrite-imports/ignored-files-moved': "{count} git-ignored {files} {verb} with the folder, as git mv moves them: {list}",
  'rewrite-imports/ignored-file-left': "git-ignored '{path}' is left where it is: '{destination}' already exists and is never overwritten",
} as const;

export type MessageCode = keyof typeof messages;
