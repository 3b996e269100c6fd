// The arguments `repomod run` does not know, read as the stock jscodeshift runner reads them
// (its src/argsParser.js): every unknown `--name[=value]` is a transform option.
/**
 * Split what yargs left over (the command line's paths and unknown options, in order) into
 * paths and transform options, by stock's rules:
 * - `--n=1e3`, `--n 1e3`: the value parsed as JSON when it is JSON (1000, true, null, `"quoted"`
 *   loses its quotes, `[1,2]`), else kept as a string;
 * - a bare `--flag` (last, or followed by another option) is true, `--no-flag` false;
 * - a name given again collects a list (after a bare flag, the new value replaces it).
 * Two departures where stock breaks: a bare flag as the last argument is true (stock crashes),
 * and `--no-x` never takes the next argument as its value (stock would read `--no-x src` as
 * x = "src", losing the path).
 * @example splitStockArgs(['src', '--n=1e3', '--dry-run-ish']) // { paths: ['src'], options: { n: 1000, 'dry-run-ish': true } }
 */
export function splitStockArgs(args: readonly string[]): { paths: string[]; options: Record<string, unknown> } {
  const paths: string[] = [];
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!isOption(arg)) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | null = eq === -1 ? null : arg.slice(eq + 1);
    const negated = written.startsWith('--no-');
    const name = written.replace(/^--?(no-)?/, '');
    const seen = Object.prototype.hasOwnProperty.call(options, name);
    const isList = seen && options[name] !== true;
    if (isList && !Array.isArray(options[name])) options[name] = [options[name]];
    if (value === null && (negated || i === args.length - 1 || isOption(args[i + 1]))) {
      // a bare flag
      if (isList) (options[name] as unknown[]).push(!negated);
      else options[name] = !negated;
      continue;
    }
    if (value === null) value = args[++i];
    const parsed = fromJson(value);
    if (isList) (options[name] as unknown[]).push(parsed);
    else options[name] = parsed;
  }
  return { paths, options };
}

function isOption(arg: string | undefined): boolean {
  return arg !== undefined && /^--?/.test(arg);
}

/** Stock's `process` for unknown options: JSON when it parses ("to be compatible with nomnom"). */
function fromJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
