// The bundle manifest, `repomod.bundle.json`: read, validate, merge and write it with one
// stable format (one entry per line, sorted), so two runs never produce a different file.
import { normaliseInside } from '../engine/containment.js';

/**
 * One entry: `from` is repo-relative, `to` is relative to the manifest's folder. Copies made by
 * `replace-symlinks --mode copy` carry `copied: true` and the source's content hash at that time.
 */
export interface BundleEntry {
  from: string;
  to: string;
  copied?: boolean;
  hash?: string;
  /** Keys repomod does not know are kept as they are. */
  [key: string]: unknown;
}

export interface Manifest {
  entries: BundleEntry[];
  /** Other top-level keys, kept in order. */
  extra: Record<string, unknown>;
}

export class ManifestError extends Error {}

/** A manifest is read whole; one this large is not a list of entries someone wrote. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Normalise a relative path: `/` separators, no `./`, no trailing `/`; undefined when it climbs out or is absolute. */
export function cleanRelative(value: string): string | undefined {
  // a manifest written on Windows: `\` separators, and a drive letter is absolute
  if (/^[A-Za-z]:[\\/]/.test(value)) return undefined;
  return normaliseInside(value.replace(/\\/g, '/'));
}

/**
 * Parse a manifest's text.
 * @throws ManifestError saying what is wrong, in words a user can act on.
 */
export function parseManifest(text: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestError(`not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new ManifestError('expected an object with an "entries" list');
  const { entries, ...extra } = data as Record<string, unknown>;
  if (entries === undefined) return { entries: [], extra };
  if (!Array.isArray(entries)) throw new ManifestError('"entries" must be a list');
  const parsed = entries.map((raw, i) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new ManifestError(`entry ${i + 1} is not an object`);
    const entry = raw as Record<string, unknown>;
    if (typeof entry.from !== 'string' || typeof entry.to !== 'string')
      throw new ManifestError(`entry ${i + 1} needs "from" and "to" strings`);
    const from = cleanRelative(entry.from);
    const to = cleanRelative(entry.to);
    if (from === undefined)
      throw new ManifestError(
        `entry ${i + 1}: "from" must be a path inside the repository, got ${JSON.stringify(entry.from)}`,
      );
    if (to === undefined)
      throw new ManifestError(
        `entry ${i + 1}: "to" must be a path inside the package, got ${JSON.stringify(entry.to)}`,
      );
    return { ...entry, from, to } as BundleEntry;
  });
  const seen = new Map<string, BundleEntry>();
  for (const entry of parsed) {
    const other = seen.get(entry.to);
    if (other && other.from !== entry.from)
      throw new ManifestError(`"${entry.to}" is provided twice, from "${other.from}" and from "${entry.from}"`);
    seen.set(entry.to, entry);
  }
  return { entries: dedupe(parsed), extra };
}

const byDestination = (a: BundleEntry, b: BundleEntry) =>
  a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0;

function dedupe(entries: BundleEntry[]): BundleEntry[] {
  const byKey = new Map<string, BundleEntry>();
  for (const entry of entries)
    byKey.set(`${entry.to}\0${entry.from}`, { ...byKey.get(`${entry.to}\0${entry.from}`), ...entry });
  return [...byKey.values()].sort(byDestination);
}

export interface MergeResult {
  manifest: Manifest;
  /** Existing entries whose destination now comes from somewhere else. */
  replaced: { before: BundleEntry; after: BundleEntry }[];
}

/**
 * Add entries to a manifest. An entry for a destination already listed replaces it (the link
 * on disk is the truth); identical entries are never duplicated.
 */
export function mergeEntries(manifest: Manifest, added: readonly BundleEntry[]): MergeResult {
  const byTo = new Map(manifest.entries.map((e) => [e.to, e]));
  const replaced: MergeResult['replaced'] = [];
  for (const entry of added) {
    const before = byTo.get(entry.to);
    if (before && before.from !== entry.from) replaced.push({ before, after: entry });
    // keep keys a user added to an entry, but never a stale copy hash or flag
    const kept = before && before.from === entry.from ? { ...before } : {};
    if (!entry.copied) {
      delete (kept as BundleEntry).copied;
      delete (kept as BundleEntry).hash;
    }
    byTo.set(entry.to, { ...kept, ...entry } as BundleEntry);
  }
  return { manifest: { entries: [...byTo.values()].sort(byDestination), extra: manifest.extra }, replaced };
}

const KNOWN_KEYS = ['from', 'to', 'copied', 'hash'];

/**
 * The manifest as text: known keys first in a fixed order, one entry per line so a review
 * diff shows one line per entry, sorted by destination, final newline.
 * @example
 *   {
 *     "entries": [
 *       { "from": "shared/config.py", "to": "shared/config.py" }
 *     ]
 *   }
 */
export function formatManifest(manifest: Manifest): string {
  const lines = ['{'];
  for (const [key, value] of Object.entries(manifest.extra))
    lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const entries = [...manifest.entries].sort(byDestination).map((entry) => {
    const keys = [
      ...KNOWN_KEYS.filter((k) => entry[k] !== undefined),
      ...Object.keys(entry).filter((k) => !KNOWN_KEYS.includes(k) && entry[k] !== undefined),
    ];
    return `    { ${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(entry[k])}`).join(', ')} }`;
  });
  if (entries.length === 0) lines.push('  "entries": []');
  else lines.push('  "entries": [', entries.join(',\n'), '  ]');
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** 1-based line of an entry's `"to"` in the manifest text, for diagnostics (1 when not found). */
export function lineOfEntry(text: string, to: string): number {
  const lines = text.split('\n');
  const needle = JSON.stringify(to);
  const index = lines.findIndex((line) => /"to"\s*:/.test(line) && line.includes(needle));
  return index === -1 ? 1 : index + 1;
}
