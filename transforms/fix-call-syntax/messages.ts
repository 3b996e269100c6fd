// Diagnostic messages of fix-call-syntax, keyed by code; `{name}` placeholders are filled by
// fillMessage. Codes without the transform prefix are engine-level (shared with every command).
import type { Explanation } from '../../lib/engine/explanations.js';

export const PARSE_ERROR = 'parse-error';
export const KEPT_REPEAT = 'fix-call-syntax/kept-repeat';
export const UNKNOWN_CALLEE = 'fix-call-syntax/unknown-callee';
export const FRAGMENT_NEEDS_VALUE = 'fix-call-syntax/fragment-needs-value';
export const REMOVED_PARAMETER_USED = 'fix-call-syntax/removed-parameter-used';
export const CONFLICTING_PROPERTY = 'fix-call-syntax/conflicting-property';
export const IMPURE_REPEAT = 'fix-call-syntax/impure-repeat';

export const messages = {
  [PARSE_ERROR]: 'file does not parse ({what}); left unchanged: `{snippet}`',
  [KEPT_REPEAT]: "keyword argument '{name}' repeated with different values: kept {kept} ({keep}), removed {removed}",
  [UNKNOWN_CALLEE]: "cannot tell whether '{callee}' accepts {name}= ({why}); {keyword} left in place",
  [FRAGMENT_NEEDS_VALUE]: "string contains ', {name}=…'; pass --keyword {name}=VALUE to remove that fragment",
  [REMOVED_PARAMETER_USED]:
    "removed the injected parameter '{name}' from '{function}', but its body uses '{name}': check what it should refer to",
  [IMPURE_REPEAT]: "property '{name}' repeated (first at {first}), but its value may have side effects; left unchanged",
  [CONFLICTING_PROPERTY]: "property '{name}' repeated with a different value (first at {first}); left unchanged",
} as const;

/** Parse-error `what` for a keyword repeated with another value. */
export const conflictingRepeat = (name: string, first: string) =>
  `keyword argument repeated: ${name}, first at ${first} with a different value; pass --keep first or --keep last`;

/** The source line at `index`, trimmed and cut to a readable length. */
export function snippetAt(source: string, index: number): string {
  const start = source.lastIndexOf('\n', index - 1) + 1;
  const end = source.indexOf('\n', index);
  const line = source
    .slice(start, end === -1 ? undefined : end)
    .replace(/\r$/, '')
    .trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** `repomod explain` entries, one per code above (parse-error is the engine's). */
export const explanations = {
  [KEPT_REPEAT]: {
    severity: 'warning',
    summary: 'a keyword argument repeated with different values: --keep chose which one stays',
    why: 'Python refuses a repeated keyword at compile time; when the values differ, one of them was meant and the other is lost, so the choice is named for review',
    before: 'send(msg, retries=3, retries=5)',
    after: 'send(msg, retries=3)          # --keep first',
    fix: 'check that the kept value is the intended one; without --keep the file is a parse-error and left unchanged',
  },
  [UNKNOWN_CALLEE]: {
    severity: 'info',
    summary: 'an injected NAME= was left in a call whose target repomod cannot prove rejects it',
    why: 'only calls to functions defined in the repository (or builtins) without that parameter and without **kwargs are edited; a third-party, dynamic or decorated callee might accept it',
    before: 'client.publish(topic, data, exc_info=True)    # client comes from a library',
    after: 'client.publish(topic, data, exc_info=True)    # unchanged: check the library by hand',
    fix: 'look up the callee; remove the keyword by hand if it does not take it',
  },
  [FRAGMENT_NEEDS_VALUE]: {
    severity: 'info',
    summary: "a string holds ', NAME=…' but --keyword gave no value, so it was not touched",
    why: 'text inside a string is only removed when you name the exact fragment; a bulk edit that injected it into an f-string changed what gets logged',
    before: 'logger.error(f"failed ({kind}, exc_info=True)")',
    after: 'logger.error(f"failed ({kind})")          # with --keyword exc_info=True',
    fix: 'rerun with --keyword NAME=VALUE naming the injected fragment exactly',
  },
  [REMOVED_PARAMETER_USED]: {
    severity: 'warning',
    summary: 'an injected parameter was removed from a function whose body reads that name',
    why: 'after the removal the name refers to something else (a global) or to nothing: a NameError on that path',
    before: 'def is_quota_error(e, exc_info=True):\n    return exc_info and "quota" in str(e)',
    after: 'def is_quota_error(e):\n    return exc_info and "quota" in str(e)   # what should exc_info be?',
    fix: 'decide what the body should read instead, and edit it',
  },
  [CONFLICTING_PROPERTY]: {
    severity: 'error (TypeScript) / warning (JavaScript)',
    summary: 'an object property repeated with a different value; left unchanged',
    why: 'TypeScript rejects it (TS1117); in JavaScript the last value silently wins, which a bulk edit rarely meant',
    before: 'const options = { retries: 3, timeout: 10, retries: 5 };',
    after: 'const options = { retries: 3, timeout: 10 };',
    fix: 'keep the intended value and delete the other by hand',
  },
  [IMPURE_REPEAT]: {
    severity: 'warning',
    summary: 'an identical repeated property whose value may have side effects; left unchanged',
    why: 'removing one copy of `next()` would call it once instead of twice, so repomod does not guess',
    before: 'const row = { id: next(), id: next() };',
    after: 'const row = { id: next() };      # if one call was meant',
    fix: 'remove the repeat by hand once you know how many calls were meant',
  },
} satisfies Record<Exclude<keyof typeof messages, typeof PARSE_ERROR>, Explanation>;
