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
  'rewrite-imports/unused-rule': "rule {rule} rewrote nothing: '{from}' is not in the repository; did you mean '{suggestion}'?",
  'rewrite-imports/stale-reference': "'{found}' moves to '{to}' (rule {rule}); {flag} updates it",
  'rewrite-imports/stale-reference-fixed': "'{found}' moves to '{to}' (rule {rule}); rewritten",
  'rewrite-imports/damaged-file': "file does not parse ({reason}); {rewritten} made away from the damage, {damaged} inside it left unchanged",
  'rewrite-imports/damaged-reference': "'{found}' on line {line} is inside a damaged region (the file stops parsing at line {errorLine}: {reason}); left unchanged: fix the syntax and run again",
} as const;

export type MessageCode = keyof typeof messages;

/** One finding for several names of one `from m import a, b, c` or `import a, b` statement (report.ts: reportPerStatement). */
export const statementMessages = {
  'rewrite-imports/missing-module': "{targets} are not in the repository (rewritten from {origin} by {rules}); check {check}, or move the modules there",
  'rewrite-imports/forbidden-import': "{names} may not be imported in {scope} ({bans}); no rule rewrites them: import them from elsewhere or move the code",
  'rewrite-imports/forbidden-import-fixed': "{names} may not be imported in {scope} ({bans}); rewritten to {targets}",
} as const satisfies Partial<Record<MessageCode, string>>;
