// An MRO finding names each class once (by its own name; where it is defined for the class whose
// inheritance makes the conflict), stays one short line, and says what the run does: "would
// remove" in a dry run and a check, "removed" once written.
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { repoWith } from '../../../helpers/tree.js';

function processorRepo(): string {
  return repoWith({
    'orchestration/__init__.py': '',
    'orchestration/shared/__init__.py': '',
    'orchestration/shared/processors/__init__.py': '',
    'orchestration/shared/processors/mixins.py':
      'class SmartSkipMixin:\n    pass\n\n\nclass BackfillMixin:\n    pass\n',
    'orchestration/shared/processors/base.py':
      'from orchestration.shared.processors.mixins import BackfillMixin\n\n\nclass ProcessorBase(BackfillMixin):\n    pass\n',
    'orchestration/shared/processors/daily.py':
      'from orchestration.shared.processors.base import ProcessorBase\nfrom orchestration.shared.processors.mixins import BackfillMixin as Backfill, SmartSkipMixin\n\n\n' +
      'def build():\n    class DailyCacheProcessor(SmartSkipMixin, Backfill, ProcessorBase):\n        pass\n    return DailyCacheProcessor\n',
  });
}

const error = (verb: string) =>
  'orchestration/shared/processors/daily.py:6:11: error: cannot create a consistent MRO for DailyCacheProcessor: ' +
  'BackfillMixin is listed before ProcessorBase (orchestration/shared/processors/base.py:4), ' +
  `which inherits from it; ${verb} Backfill [remove-redundant-bases/inconsistent-mro]`;

it('names each class once, in a short line, and says "would remove" under check and in a dry run', async () => {
  const dir = processorRepo();
  const check = await repomodInProcess(dir, ['check']);
  expect(check.code).toBe(1);
  const line = check.stderr.split('\n')[0];
  expect(line).toBe(error('would remove'));
  const message = line.slice(line.indexOf('error: ') + 7, line.lastIndexOf(' ['));
  expect(message.length).toBeLessThan(200);
  for (const name of ['DailyCacheProcessor', 'BackfillMixin', 'ProcessorBase'])
    expect(message.split(name).length - 1, name).toBe(1);
  expect((await repomodInProcess(dir, ['bases'])).stderr.split('\n')[0]).toBe(error('would remove'));
  const verbose = (await repomodInProcess(dir, ['bases', '--check', '--verbose'])).stderr;
  expect(verbose).toContain(
    'info: would remove Backfill: BackfillMixin is already a base of ProcessorBase (orchestration/shared/processors/base.py:4) [remove-redundant-bases/redundant-base]\n',
  );
  expect(verbose).toContain(
    'info: would remove the import of BackfillMixin as Backfill from orchestration.shared.processors.mixins: nothing else in the file uses it',
  );
});

it('says "removed" once --apply wrote the fix', async () => {
  const dir = processorRepo();
  const applied = await repomodInProcess(dir, ['bases', '--apply', '--verbose']);
  expect(applied.code).toBe(1);
  expect(applied.stderr.split('\n')).toEqual(
    expect.arrayContaining([
      error('removed'),
      expect.stringMatching(/info: removed Backfill: BackfillMixin is already a base of ProcessorBase /),
    ]),
  );
  expect(applied.stderr).not.toContain('would remove');
});
