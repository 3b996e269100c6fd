// The file extensions a JS/TS specifier may leave out, and the ones ESM TypeScript writes for its sources.

/** Probed in this order after a bare path, and after `<dir>/index`, as TypeScript and bundlers do. */
export const PROBE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'];
/** ESM TypeScript's written extension ➔ the source extensions it stands for. */
export const JS_FOR_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};
