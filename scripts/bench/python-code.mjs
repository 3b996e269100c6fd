// Realistic Python modules for the synthetic repository: a docstring, imports at the top (some
// inside functions, try blocks and TYPE_CHECKING), constants, classes, functions, logging calls
// and strings. Output is valid Python 3; sizes follow the spec's target.
import { ADJECTIVES, NOUNS, SENTENCES, VERBS, pascal, snake } from './random.mjs';
import { Lines } from './lines.mjs';

/** The module the Python half imports in a few percent of files (the rewrite-imports job moves it). */
export const PY_TARGET = 'common.util.lock';

const STDLIB = [
  'import json',
  'import os',
  'import re',
  'import sys',
  'import time',
  'import uuid',
  'import hashlib',
  'import itertools',
  'import functools',
  'from collections import defaultdict, OrderedDict',
  'from dataclasses import dataclass, field',
  'from datetime import datetime, timedelta, timezone',
  'from pathlib import Path',
  'from enum import Enum',
  'from decimal import Decimal',
];
const THIRD_PARTY = [
  'import requests',
  'import sqlalchemy as sa',
  'from pydantic import BaseModel',
  'import yaml',
  'import boto3',
  'from celery import shared_task',
];

/**
 * Python source for one module.
 * @param random a createRandom() stream for this file
 * @param spec {{ module: string, siblings: string[], targetForms: string[], nearMiss: boolean, test: boolean, size: number }}
 */
export function pythonModule(random, spec) {
  // the realistic shape (realistic-py.mjs) names a module inside the package it moves
  const target = spec.target ?? PY_TARGET;
  const out = new Lines('    ');
  const noun = random.pick(NOUNS);
  out.line(
    0,
    `"""${pascal(noun)} ${spec.test ? 'tests' : random.pick(['helpers', 'service', 'handlers', 'models', 'jobs'])}: ${random.pick(SENTENCES).toLowerCase()}.`,
  );
  out.line(0, '');
  out.line(0, `${random.pick(SENTENCES)}.`);
  out.line(0, '"""');
  if (random.chance(0.5)) out.line(0, 'from __future__ import annotations');
  out.blank();

  const forms = new Set(spec.targetForms);
  out.line(0, 'import logging');
  for (const line of random.sample(STDLIB, random.range(2, 6))) out.line(0, line);
  out.line(0, 'from typing import TYPE_CHECKING, Any, Iterable, Optional');
  if (spec.test) out.line(0, 'from unittest import mock');
  out.blank();
  for (const line of random.sample(THIRD_PARTY, random.range(0, 2))) out.line(0, line);
  const internal = random.sample(
    spec.siblings.filter((m) => m !== spec.module),
    random.range(1, 4),
  );
  for (const module of internal)
    out.line(
      0,
      `from ${module} import ${pascal(random.pick(NOUNS), random.pick(['client', 'service', 'model', 'error']))}`,
    );
  if (spec.bases && !spec.test)
    out.line(0, `from ${spec.bases} import AuditMixin, ProcessorBase, RetryMixin, ServiceBase`);
  // from common.util.lock import FileLock  (the forms the rewrite-imports job must find)
  if (forms.has('from')) out.line(0, `from ${target} import FileLock, acquire_lock`);
  if (forms.has('from-parenthesised')) {
    out.line(0, `from ${target} import (`);
    out.line(1, 'FileLock,');
    out.line(1, 'acquire_lock,  # re-exported for the workers');
    out.line(1, 'release_lock,');
    out.line(0, ')');
  }
  if (forms.has('import-as')) out.line(0, `import ${target} as lock_mod`);
  if (forms.has('import-dotted')) out.line(0, `import ${target}`);
  if (forms.has('from-parent'))
    out.line(0, `from ${target.split('.').slice(0, -1).join('.')} import ${target.split('.').at(-1)}`);
  // from ..utils.lock import FileLock  (a relative import that reaches the moved package)
  if (forms.has('relative')) out.line(0, `from ${spec.relativeTarget} import FileLock, acquire_lock`);
  if (forms.has('importlib')) out.line(0, 'import importlib');
  if (spec.nearMiss)
    out.line(
      0,
      random.chance(0.5)
        ? `from ${target}ing import Mutex  # not the module being moved`
        : `# ${target} is imported lazily below`,
    );
  if (forms.has('try')) {
    out.blank();
    out.line(0, 'try:');
    out.line(1, `from ${target} import FileLock`);
    out.line(0, 'except ImportError:  # slim builds ship without the lock backend');
    out.line(1, 'FileLock = None');
  }
  if (forms.has('type-checking')) {
    out.blank();
    out.line(0, 'if TYPE_CHECKING:  # annotations only: no import cycle at run time');
    out.line(1, `from ${target} import FileLock`);
  }
  if (random.chance(0.3) && spec.siblings.length > 1) {
    out.blank();
    out.line(0, 'if TYPE_CHECKING:');
    out.line(1, `from ${random.pick(spec.siblings)} import ${pascal(random.pick(NOUNS), 'protocol')}`);
  }
  out.blank();
  out.line(0, 'logger = logging.getLogger(__name__)');
  out.blank();
  for (let i = random.range(1, 4); i > 0; i--) out.line(0, constant(random));
  if (random.chance(0.4)) {
    out.line(0, `_${snake(random.pick(NOUNS), 'query').toUpperCase()} = """`);
    out.line(0, `SELECT id, status, updated_at FROM ${random.pick(NOUNS)}s`);
    out.line(0, `WHERE tenant_id = %(tenant_id)s AND status = '${random.pick(ADJECTIVES)}'`);
    out.line(0, 'ORDER BY updated_at DESC');
    out.line(0, '"""');
  }

  // each form's import gets a use in the body; a parenthesised import is used like `from`
  const uses = [...forms]
    .filter((f) => f !== 'try' && f !== 'type-checking')
    .map((f) => (f === 'from-parenthesised' || f === 'relative' ? 'from' : f));
  let planted = spec.planted;
  if (planted && spec.test) planted = 'repeated-keyword';
  let index = 0;
  while (out.size < spec.size || uses.length > 0 || planted) {
    out.blank();
    out.blank();
    const use = uses.shift();
    if (planted === 'repeated-keyword') {
      // logger.error(…, exc_info=True, exc_info=True): the bulk edit of USERS.md §3, a SyntaxError at import
      out.line(0, `def report_${random.pick(NOUNS)}_failure(error: Exception) -> None:`);
      out.line(1, 'logger.error("processing failed: %s", error, exc_info=True, exc_info=True)');
      planted = undefined;
    } else if (planted === 'inconsistent-mro') {
      // RetryMixin listed before AuditMixin, which inherits it: TypeError at import (USERS.md §4)
      pyClass(out, random, use, ['RetryMixin', 'AuditMixin', 'ServiceBase'], target);
      planted = undefined;
    } else if (spec.test) testClass(out, random, use, target);
    else if (random.chance(0.45))
      pyClass(out, random, use, spec.bases ? random.pick(HIERARCHY_BASES) : undefined, target);
    else
      pyFunction(
        out,
        random,
        0,
        `${random.pick(VERBS)}_${random.pick(NOUNS)}${index ? `_${index}` : ''}`,
        false,
        use,
        target,
      );
    index++;
  }
  return out.text();
}

function constant(random) {
  const name = snake(random.pick(ADJECTIVES), random.pick(NOUNS)).toUpperCase();
  switch (random.int(4)) {
    case 0:
      return `${name}_TIMEOUT = ${random.range(1, 120)}`;
    case 1:
      return `${name}_KEY = "${random.pick(NOUNS)}:${random.pick(ADJECTIVES)}"`;
    case 2:
      return `${name}_STATES = frozenset({"${random.pick(ADJECTIVES)}", "${random.pick(ADJECTIVES)}"})`;
    default:
      return `${name}_LIMIT = ${random.range(10, 5000)}`;
  }
}

/** Bases a service module's class lists when the repository has a class hierarchy ([]: none). */
const HIERARCHY_BASES = [
  [],
  [],
  ['ProcessorBase'],
  ['ServiceBase'],
  ['RetryMixin', 'ServiceBase'],
  ['AuditMixin', 'ServiceBase'],
  ['ProcessorBase', 'AuditMixin'],
];

function pyClass(out, random, use, bases, target) {
  const noun = random.pick(NOUNS);
  const name = pascal(noun, random.pick(['service', 'processor', 'repository', 'manager', 'handler']));
  if (random.chance(0.2)) {
    out.line(0, '@dataclass');
    out.line(0, `class ${pascal(noun, 'config')}:`);
    out.line(1, `"""Settings for ${noun} processing."""`);
    out.blank();
    for (let i = random.range(2, 5); i > 0; i--)
      out.line(
        1,
        `${snake(random.pick(ADJECTIVES), random.pick(NOUNS))}: ${random.pick(['int', 'str', 'bool', 'float'])} = ${random.pick(['0', '""', 'False', '1.5'])}`,
      );
    out.line(1, `tags: list[str] = field(default_factory=list)`);
    out.blank();
    out.blank();
  }
  const header = bases
    ? bases.length
      ? `(${bases.join(', ')})`
      : ''
    : random.chance(0.3)
      ? `(${pascal(random.pick(NOUNS), 'base')})`
      : '';
  out.line(0, `class ${name}${header}:`);
  out.line(1, `"""${random.pick(SENTENCES)}.`);
  out.blank();
  out.line(1, `${random.pick(SENTENCES)}.`);
  out.line(1, '"""');
  out.blank();
  out.line(1, `def __init__(self, client: Any, timeout: int = 30, *, dry_run: bool = False) -> None:`);
  out.line(2, 'self._client = client');
  out.line(2, 'self._timeout = timeout');
  out.line(2, 'self._dry_run = dry_run');
  out.line(2, `self._${random.pick(NOUNS)}_cache: dict[str, Any] = {}`);
  const methods = random.range(3, 8);
  for (let i = 0; i < methods; i++) {
    out.blank();
    if (random.chance(0.15)) out.line(1, random.pick(['@property', '@functools.lru_cache(maxsize=128)']));
    pyFunction(
      out,
      random,
      1,
      `${random.chance(0.2) ? '_' : ''}${random.pick(VERBS)}_${random.pick(NOUNS)}`,
      true,
      i === 0 ? use : undefined,
      target,
    );
  }
}

function testClass(out, random, use, target) {
  const noun = random.pick(NOUNS);
  out.line(0, `class Test${pascal(noun)}:`);
  for (let i = random.range(3, 7); i > 0; i--) {
    out.blank();
    // @mock.patch("common.util.lock.FileLock")  (a string target the rewrite must follow)
    // monkeypatch.setattr("common.util.lock.acquire_lock", …)  (pytest's string form)
    const monkeypatch = use === 'monkeypatch' && i === 1;
    if (use === 'mock-patch' && i === 1) out.line(1, `@mock.patch("${target}.FileLock")`);
    else if (random.chance(0.3))
      out.line(1, `@mock.patch("${random.pick(['requests.post', 'time.sleep', 'os.environ'])}")`);
    const name = `test_${random.pick(VERBS)}_${random.pick(ADJECTIVES)}_${random.pick(NOUNS)}`;
    out.line(
      1,
      `def ${name}(self${use === 'mock-patch' && i === 1 ? ', lock_cls' : monkeypatch ? ', monkeypatch' : ''}) -> None:`,
    );
    if (monkeypatch) out.line(2, `monkeypatch.setattr("${target}.acquire_lock", lambda *args, **kwargs: None)`);
    out.line(
      2,
      `${noun} = {"id": "${random.pick(NOUNS)}-${random.range(1, 999)}", "status": "${random.pick(ADJECTIVES)}"}`,
    );
    out.line(2, `result = ${random.pick(VERBS)}_${random.pick(NOUNS)}(${noun}, dry_run=True)`);
    if (use === 'function' && i === 1)
      out.line(2, `from ${target} import FileLock  # only this test needs the real lock`);
    else if (use && i === 1 && use !== 'mock-patch' && use !== 'monkeypatch') targetUse(out, random, 2, use, target);
    for (let k = random.range(1, 4); k > 0; k--)
      out.line(
        2,
        `assert result${random.chance(0.5) ? `["${random.pick(NOUNS)}"]` : '.status'} == ${random.pick(['"ok"', '0', 'None', `"${random.pick(ADJECTIVES)}"`])}`,
      );
  }
}

function pyFunction(out, random, indent, name, method, use, target) {
  const args = random.sample(NOUNS, random.range(0, 3)).map((n) => `${n}_id: str`);
  if (random.chance(0.3)) args.push(`limit: Optional[int] = None`);
  const params = method ? ['self', ...args] : args;
  const asyncKw = random.chance(0.1) ? 'async ' : '';
  out.line(
    indent,
    `${asyncKw}def ${name}(${params.join(', ')}) -> ${random.pick(['None', 'dict[str, Any]', 'list[str]', 'bool', 'int'])}:`,
  );
  if (random.chance(0.7)) out.line(indent + 1, `"""${random.pick(SENTENCES)}."""`);
  if (use === 'function') {
    // from common.util.lock import FileLock inside a function: a lazy import to dodge a cycle
    out.line(indent + 1, `from ${target} import FileLock  # local import: avoids a cycle at start-up`);
    out.line(indent + 1, `with FileLock(f"/tmp/{__name__}.lock"):`);
    out.line(indent + 2, 'logger.debug("lock taken")');
  } else if (use) {
    targetUse(out, random, indent + 1, use, target);
  }
  if (random.chance(0.1)) out.line(indent + 1, 'import json  # deferred: only the export path needs it');
  const statements = random.range(4, 12);
  for (let i = 0; i < statements; i++) statement(out, random, indent + 1, 0);
  out.line(indent + 1, `return ${random.pick(['None', '{}', '[]', 'True', 'len(items)', 'result'])}`);
}

/** A use of the moved module that matches how it was imported. */
function targetUse(out, random, indent, use, target) {
  const name = `"${random.pick(NOUNS)}-${random.pick(ADJECTIVES)}"`;
  switch (use) {
    case 'from':
      out.line(indent, `with FileLock(${name}, timeout=${random.range(1, 30)}):`);
      out.line(indent + 1, 'acquire_lock(name=__name__)');
      break;
    case 'import-as':
      out.line(indent, `lock_mod.acquire_lock(${name})`);
      break;
    case 'import-dotted':
      out.line(indent, `${target}.acquire_lock(${name})`);
      break;
    case 'importlib':
      // importlib.import_module("common.util.lock"): a plugin-style lookup, a string target
      out.line(indent, `backend = importlib.import_module("${target}")`);
      out.line(indent, `backend.acquire_lock(${name})`);
      break;
    case 'from-parent':
      out.line(indent, `lock.acquire_lock(${name})`);
      break;
    default:
      break;
  }
}

function statement(out, random, indent, depth) {
  const a = random.pick(NOUNS);
  const b = random.pick(NOUNS);
  const adj = random.pick(ADJECTIVES);
  const kind = depth > 1 ? random.int(5) : random.int(10);
  switch (kind) {
    case 0:
      out.line(indent, `logger.info("${random.pick(VERBS)} %s for %s", ${a}, ${b}_id)`);
      break;
    case 1:
      out.line(indent, `${a}s = [item for item in ${b}s if item.${adj} and item.${random.pick(NOUNS)}_id is not None]`);
      break;
    case 2:
      out.line(
        indent,
        `payload = {"${a}": ${a}, "${b}": ${b}, "state": "${adj}", "ts": datetime.now(timezone.utc).isoformat()}`,
      );
      break;
    case 3:
      out.line(indent, `logger.debug(f"${random.pick(SENTENCES).toLowerCase()}: {${a}!r}")`);
      break;
    case 4:
      out.line(
        indent,
        `result = check_${adj}(${a}, key="${random.pick(NOUNS)}.${adj}", retries=${random.range(1, 5)})`,
      );
      break;
    case 5:
      out.line(indent, `if ${a} is None or not ${b}:`);
      out.line(indent + 1, `logger.warning("missing ${a} for %s", ${b})`);
      for (let i = random.range(0, 2); i > 0; i--) statement(out, random, indent + 1, depth + 1);
      out.line(indent + 1, 'return None');
      break;
    case 6:
      out.line(indent, `for ${a} in ${b}s:`);
      for (let i = random.range(1, 3); i > 0; i--) statement(out, random, indent + 1, depth + 1);
      break;
    case 7:
      out.line(indent, 'try:');
      for (let i = random.range(1, 2); i > 0; i--) statement(out, random, indent + 1, depth + 1);
      out.line(indent, `except (KeyError, ValueError) as exc:`);
      out.line(indent + 1, `logger.exception("could not ${random.pick(VERBS)} ${a}: %s", exc)`);
      out.line(indent + 1, `raise ${pascal(a, 'error')}(f"${a} {${b}} is ${adj}") from exc`);
      break;
    case 8:
      out.line(indent, `with open(Path(base_dir) / "${a}_${adj}.json", encoding="utf-8") as handle:`);
      out.line(indent + 1, `${a} = json.load(handle)`);
      break;
    default:
      out.line(indent, `total += sum(${a}.amount for ${a} in ${b}s if ${a}.status == "${adj}")`);
      break;
  }
}

/** The moved module at its new home, for both Python shapes: `from` is where it used to live. */
export function lockModule(from) {
  return `"""File locks shared by the workers (moved here from ${from})."""
import contextlib
import fcntl


class FileLock:
    def __init__(self, path: str, timeout: int = 10) -> None:
        self.path = path
        self.timeout = timeout


def acquire_lock(name: str, timeout: int = 10) -> FileLock:
    return FileLock(f"/tmp/{name}.lock", timeout)


def release_lock(lock: FileLock) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(0, fcntl.LOCK_UN)
`;
}
