// Diagnostic messages of fix-call-syntax, keyed by code; `{name}` placeholders are filled by
// fillMessage. Codes without the transform prefix are engine-level (shared with every command).
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
  [REMOVED_PARAMETER_USED]: "removed the injected parameter '{name}' from '{function}', but its body uses '{name}': check what it should refer to",
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
  const line = source.slice(start, end === -1 ? undefined : end).replace(/\r$/, '').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
