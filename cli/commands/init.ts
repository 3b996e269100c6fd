// `repomod init`: what the repository holds, the config that follows from it (a dry-run diff;
// --apply writes it through the write layer), and the pre-commit entry and CI job that run it.
import type { Argv, CommandModule } from 'yargs';
import type { InitProposal } from '../../api/init.js';
import { withHelp } from '../common.js';

interface InitArgs {
  apply?: boolean;
  allowDirty?: boolean;
}

/** The survey as the user reads it: one section per kind of finding. */
export function surveyText(p: InitProposal): string {
  const { survey } = p;
  const out: string[] = [];
  const languages = survey.languages.map((l) => `${l.name} (${l.files} file${l.files === 1 ? '' : 's'})`).join(', ');
  out.push(`repomod init: ${languages || 'no Python, TypeScript or JavaScript files'}`);
  const table = (title: string, rows: [string, string][]) => {
    if (!rows.length) return;
    const width = Math.max(...rows.map(([a]) => a.length));
    out.push(`${title}:`, ...rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`));
  };
  table(
    'Python source roots',
    survey.pythonRoots.map((r) => [
      r.path || '.',
      r.automatic ? r.why : `${r.why} (not found on its own: --source-root ${r.path || '.'})`,
    ]),
  );
  table(
    'tsconfig files',
    survey.tsconfigs.map((t) => [
      t.path,
      t.paths.length ? `paths: ${t.paths.map((a) => `${a.key} -> ${a.targets.join(' | ')}`).join(', ')}` : 'no paths',
    ]),
  );
  const kinds = { 'python-function': 'Python function', 'node-function': 'Node function', 'linked-folder': 'folder' };
  table(
    'deploy packages',
    survey.deployPackages.map((d) => [
      d.path,
      [
        kinds[d.kind] + (d.entry ? ` (${d.entry})` : ''),
        d.links ? `${d.links} link${d.links === 1 ? '' : 's'} into the repository` : '',
      ]
        .filter(Boolean)
        .join(', '),
    ]),
  );
  table(
    'checks (repomod check)',
    p.checks.map((c) => [
      c.name,
      `${c.why}${
        Object.keys(c.options).length
          ? `; ${Object.entries(c.options)
              .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
              .join(', ')}`
          : ''
      }`,
    ]),
  );
  return `${out.join('\n')}\n`;
}

export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe:
    'propose a config from what the repository holds (languages, source roots, tsconfig paths, deploy packages), and the pre-commit and CI entries that run it',
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        ['$0 init', 'dry run: what was found, the config as a diff, the pre-commit entry and CI job'],
        ['$0 init --apply', 'write the config ([tool.repomod] in pyproject.toml, or repomod.config.json)'],
      ],
      { colour: false },
    )
      .option('apply', { type: 'boolean', describe: 'write the proposed config' })
      .option('allow-dirty', {
        type: 'boolean',
        describe: 'let --apply add to a pyproject.toml that has uncommitted changes',
      }) as unknown as Argv<InitArgs>,
  handler: async (args) => {
    const { proposeInit } = await import('../../api/init.js');
    const proposal = proposeInit(process.cwd());
    const err = (text: string) => void process.stderr.write(text);
    err(surveyText(proposal));
    if (args.apply) {
      const { applyChanges } = await import('../../lib/engine/apply.js');
      await applyChanges(proposal.survey.root, [proposal.change], {
        allowDirty: args.allowDirty,
        onNotice: (text) => err(`repomod: ${text}\n`),
      });
    } else {
      const { renderPatch } = await import('../../lib/engine/diff.js');
      process.stdout.write(renderPatch([proposal.change]));
    }
    err(`\nrun it on every commit:\n\n${proposal.preCommit}\nand on every pull request:\n\n${proposal.githubJob}\n`);
    err(
      args.apply
        ? `wrote ${proposal.file}; next: repomod check\n`
        : `dry run: nothing written; add --apply to write ${proposal.file}\n`,
    );
  },
};
