// check --select / --ignore-code: which checks run and which findings count.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepsFinding, runsTransform } from '../../../../lib/engine/code-selection.js';
import type { Diagnostic } from '../../../../lib/engine/diagnostics.js';
import { repomod } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

const NAMES = ['rewrite-imports', 'replace-symlinks', 'fix-call-syntax', 'remove-redundant-bases'];
const finding = (code: string): Diagnostic => ({
  path: 'a.py',
  line: 1,
  column: 1,
  severity: 'error',
  code,
  message: 'm',
});

describe('runsTransform', () => {
  it.each([
    [{}, 'fix-call-syntax', true],
    [{ select: ['remove-redundant-bases'] }, 'fix-call-syntax', false],
    [{ select: ['remove-redundant-bases'] }, 'remove-redundant-bases', true],
    [{ select: ['remove-redundant-bases/inconsistent-mro'] }, 'remove-redundant-bases', true],
    [{ select: ['parse-error'] }, 'fix-call-syntax', true],
    [{ ignore: ['fix-call-syntax'] }, 'fix-call-syntax', false],
    [{ ignore: ['inconsistent-mro'] }, 'remove-redundant-bases', true],
  ])('%j runs %s: %s', (selection, name, expected) => expect(runsTransform(selection, name, NAMES)).toBe(expected));
});

describe('keepsFinding', () => {
  it.each([
    [{ select: ['parse-error'] }, 'parse-error', true],
    [{ select: ['parse-error'] }, 'fix-call-syntax/kept-repeat', false],
    [{ select: ['remove-redundant-bases'] }, 'remove-redundant-bases/inconsistent-mro', true],
    [{ ignore: ['inconsistent-mro'] }, 'remove-redundant-bases/inconsistent-mro', false],
    [{ ignore: ['inconsistent-mro'] }, 'remove-redundant-bases/redundant-base', true],
  ])('%j keeps %s: %s', (selection, code, expected) => expect(keepsFinding(selection, finding(code))).toBe(expected));
});

it('repomod check --select runs only the named check; the config can say the same', () => {
  const repo = tempDir();
  writeFileSync(path.join(repo, 'a.py'), 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n');
  initRepo(repo);
  expect(repomod(repo, ['check', 'a.py']).code).toBe(1);
  expect(repomod(repo, ['check', '--select', 'remove-redundant-bases', 'a.py']).code).toBe(0);
  expect(repomod(repo, ['check', '--ignore-code', 'fix-call-syntax', 'a.py']).code).toBe(0);
  writeFileSync(path.join(repo, 'repomod.config.json'), '{ "ignoreCodes": ["fix-call-syntax"] }\n');
  expect(repomod(repo, ['check', 'a.py']).code).toBe(0);
  expect(repomod(repo, ['check', '--ignore-code', 'remove-redundant-bases', 'a.py']).code).toBe(1);
});
