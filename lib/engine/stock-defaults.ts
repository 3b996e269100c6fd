// What the stock jscodeshift 17 runner does by default, which `repomod run -t` copies.

/**
 * The files a third-party transform runs on unless `--extensions` says otherwise: stock's
 * default, @babel/core's DEFAULT_EXTENSIONS plus ts and tsx (a test compares the two).
 */
export const STOCK_EXTENSIONS = ['cjs', 'es', 'es6', 'js', 'jsx', 'mjs', 'ts', 'tsx'];

/** The parsers stock's `--parser` accepts. */
export const STOCK_PARSERS = ['babel', 'babylon', 'flow', 'ts', 'tsx'] as const;
