// fix-call-syntax's static description: cheap to import (no parser, no file system).
import type { TransformMeta } from '../../lib/engine/types.js';
import { JS_EXTENSIONS, PYTHON_EXTENSIONS } from '../../lib/languages.js';
import { descriptors } from './options.js';

export const meta: TransformMeta = {
  name: 'fix-call-syntax',
  description:
    'Repair calls damaged by bulk regex edits (repeated, injected or comma-first arguments, missing commas) and report every file that does not parse.',
  aliases: ['calls'],
  extensions: [...PYTHON_EXTENSIONS, ...JS_EXTENSIONS],
  options: descriptors,
  // every file is a syntax-gate candidate: no substring can prove a file parses
  prefilter: () => undefined,
  // `repomod check` without config: parse errors and repeated keywords need no --keyword
  checkDefaults: {},
  checkApply: 'repairs calls: repeated identical keywords removed, comma-first lines and missing commas fixed',
  examples: [
    ['$0 fix-call-syntax src', 'dry run: the diff that repairs repeated keywords and comma-first lines'],
    ['$0 fix-call-syntax --keyword exc_info=True --apply', 'also remove an injected exc_info=True, and write'],
    ['$0 fix-call-syntax --check', 'CI: exit 1 while a file does not parse or a call needs a repair'],
  ],
};
