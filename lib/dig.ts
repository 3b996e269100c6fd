// Reading parsed JSON or TOML, whose shape nobody promised: each step checks before it descends,
// so a config that puts a string where a table belongs reads as absent instead of throwing.

/** A JSON object or TOML table (not an array, not null). */
export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value at `keys` inside nested tables, or undefined where a step is missing or not a table.
 * @example dig({ tool: { poetry: { packages: [] } } }, 'tool', 'poetry', 'packages') // []
 */
export function dig(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) {
    if (!isTable(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** The table at `keys`, or an empty one where there is none: for iterating over what may be absent. */
export function tableAt(value: unknown, ...keys: string[]): Record<string, unknown> {
  const found = dig(value, ...keys);
  return isTable(found) ? found : {};
}
