// The unknown flags `repomod run` passes to a transform, against stock jscodeshift's own parser.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitStockArgs } from '../../../cli/stock-args.js';
import { REPO_ROOT } from '../../helpers/paths.js';

type StockParser = {
  options(spec: object): {
    parse(args: string[]): { options: Record<string, unknown>; positionalArguments: unknown[] };
  };
};
const argsParser = createRequire(path.join(REPO_ROOT, 'package.json'))('jscodeshift/src/argsParser.js') as StockParser;

/** Stock's reading of the same arguments, with none of its own options declared. */
function stockReads(args: string[]) {
  const { options, positionalArguments } = argsParser.options({}).parse(args);
  delete options.help;
  return { paths: positionalArguments.map(String), options };
}

describe('splitStockArgs reads unknown flags as stock jscodeshift does', () => {
  it.each([
    [['src', '--n=1e3']],
    [['--n', '1e3', 'src']],
    [['--q="quoted"', "--r='single'", '--s=plain']],
    [['--flag', '--no-other', '--z=1', 'src']],
    [['--list=1', '--list=b', '--list', 'c']],
    [['--obj={"a":[1,2]}', '--arr=[1,"x"]', '--nil=null', '--t=true', '--zero=012']],
    [['--empty=', '-x', '3', '-y=4', 'lib']],
    [['--flag', '--flag=2', 'src']],
    [['a.js', 'b.js', '--printOptions={"quote":"single"}']],
  ])('%j', (args) => {
    expect(splitStockArgs(args)).toEqual(stockReads(args));
  });

  it.each([
    // stock crashes on a trailing bare flag ("Cannot read properties of undefined")
    [['src', '--flag'], { paths: ['src'], options: { flag: true } }],
    [['src', '--no-flag'], { paths: ['src'], options: { flag: false } }],
    // stock would read --no-x src as x = "src" and lose the path
    [['--no-cache', 'src'], { paths: ['src'], options: { cache: false } }],
    [['--x=1', '--x', '--y'], { paths: [], options: { x: [1, true], y: true } }],
  ])('where stock breaks, %j is read soundly', (args, expected) => {
    expect(splitStockArgs(args)).toEqual(expected);
  });
});
