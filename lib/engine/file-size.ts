// The parse size limit: files past it are reported and left unchanged, never read whole or parsed.
// Sizes are decimal (10 MB = 10,000,000 bytes), as `ls -lh --si` and the messages show them.
import { ConfigError } from './errors.js';

/** Default `--max-file-size`: far above hand-written source, below what a parse holds comfortably. */
export const DEFAULT_MAX_FILE_SIZE = 10_000_000;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
};

/**
 * `10MB`, `500k`, `1.5 MiB` or plain bytes ➔ bytes. `where` names the flag or config key in the error.
 * @example parseSize('500k', '--max-file-size') // 500000
 */
export function parseSize(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.floor(value);
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value) : null;
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!(bytes > 0)) {
    throw new ConfigError(
      `${where} must be a size such as 10MB, 500k or a number of bytes, got ${JSON.stringify(value)}`,
      `e.g. ${where.startsWith('--') ? '--max-file-size 20MB' : '"maxFileSize": "20MB"'}`,
    );
  }
  return bytes;
}

/** Bytes as the messages show them: `52.4 MB`, `10 MB`, `500 kB`, `812 bytes`. */
export function formatSize(bytes: number): string {
  const [unit, scale] =
    bytes >= 1e9 ? ['GB', 1e9] : bytes >= 1e6 ? ['MB', 1e6] : bytes >= 1e3 ? ['kB', 1e3] : ['bytes', 1];
  return `${scale === 1 ? bytes : (bytes / scale).toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
