// check --select / --ignore-code: which checks run and which findings count.
import { describe, expect, it } from 'vitest';
import { keepsFinding, runsTransform } from '../../../../lib/engine/code-selection.js';
import type { Diagnostic } from '../../../../lib/engine/diagnostics.js';

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
