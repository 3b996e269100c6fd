// `repomod explain CODE` (as `ruff rule`): what a diagnostic means, why it matters, an example
// before and after, and how to fix or suppress it; `--list` gives every code on one line each.
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../lib/engine/errors.js';
import type { Explanation } from '../../lib/engine/explanations.js';
import { withHelp } from '../common.js';

interface ExplainArgs {
  code?: string;
  list?: boolean;
}

/** The entry of one code, as Markdown (readable in a terminal, pasteable into an issue). */
export function explainText(code: string, e: Explanation, suppression: readonly string[]): string {
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => (line ? `    ${line}` : ''))
      .join('\n');
  return [
    `# ${code} (${e.severity})`,
    '',
    `${capitalise(e.summary)}.`,
    '',
    '## Why it matters',
    '',
    `${capitalise(e.why)}.`,
    '',
    '## Example',
    '',
    'Before:',
    '',
    indent(e.before),
    '',
    'After:',
    '',
    indent(e.after),
    '',
    '## How to fix',
    '',
    `${capitalise(e.fix)}.`,
    '',
    '## How to suppress',
    '',
    ...suppression.map((line) => `- ${capitalise(line)}`),
    '',
  ].join('\n');
}

/** `code  severity  summary`, one line per code, aligned. */
export function codeListText(entries: ReadonlyMap<string, Explanation>): string {
  const width = Math.max(...[...entries.keys()].map((c) => c.length));
  const severityWidth = Math.max(...[...entries.values()].map((e) => severityWord(e).length));
  return [...entries]
    .map(([code, e]) => `${code.padEnd(width)}  ${severityWord(e).padEnd(severityWidth)}  ${e.summary}\n`)
    .join('');
}

/** The usual severity alone (`warning (error with --strict)` ➔ `warning`): the entry says the rest. */
const severityWord = (e: Explanation) => e.severity.split(/[\s(]/)[0];

/** Sentence case, except where the sentence opens with a name (`repomod`, `--sync`, a code span). */
const capitalise = (text: string) =>
  /^(repomod\b|[^a-z])/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);

export const explainCommand: CommandModule<object, ExplainArgs> = {
  command: 'explain [code]',
  describe: 'explain a diagnostic code: what it means, why it matters, an example, how to fix or suppress it',
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        ['$0 explain remove-redundant-bases/inconsistent-mro', 'what the MRO error means and how to fix it'],
        ['$0 explain undeclared-dependency', 'a short name works when only one table has it'],
        ['$0 explain --list', 'every code, its severity and summary'],
      ],
      { colour: false },
    )
      .positional('code', {
        type: 'string',
        describe: 'a code as printed in brackets (rewrite-imports/missing-module), or its short name (missing-module)',
      })
      .option('list', { type: 'boolean', describe: 'list every code with its severity and one-line summary' })
      .check((argv) => {
        if (!argv.code && !argv.list)
          throw new UsageError(
            'give a diagnostic code, or --list',
            "e.g. repomod explain remove-redundant-bases/inconsistent-mro; run 'repomod explain --list' to see them all",
          );
        if (argv.code && argv.list)
          throw new UsageError('give a code or --list, not both', 'repomod explain --list shows every code');
        return true;
      }) as unknown as Argv<ExplainArgs>,
  handler: async (args) => {
    const [{ loadExplanations, lookupCode, suppressionText }, { editDistance }] = await Promise.all([
      import('../../api/explain.js'),
      import('../../lib/text/edit-distance.js'),
    ]);
    const entries = await loadExplanations();
    if (args.list) return void process.stdout.write(codeListText(entries));
    const lookup = lookupCode([...entries.keys()], args.code!, editDistance);
    if ('ambiguous' in lookup)
      throw new UsageError(
        `'${args.code}' is the short name of ${lookup.ambiguous.length} codes: ${lookup.ambiguous.join(', ')}`,
        `give the full code, e.g. repomod explain ${lookup.ambiguous[0]}`,
      );
    if ('unknown' in lookup) {
      const hint = lookup.suggestion ? `did you mean '${lookup.suggestion}'? ` : '';
      throw new UsageError(
        `unknown diagnostic code '${lookup.unknown}'`,
        `${hint}run 'repomod explain --list' to see them all`,
      );
    }
    const explanation = entries.get(lookup.found)!;
    process.stdout.write(explainText(lookup.found, explanation, suppressionText(lookup.found, explanation)));
  },
};
