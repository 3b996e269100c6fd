// CPython as the oracle of Python syntax, asked once for many sources: a python3 process costs
// more than the check it runs, and a table of snippets or fixtures used to start one per row.
import { execFileSync, spawnSync } from 'node:child_process';

/**
 * The python3 on PATH, resolved once to the interpreter itself: `python3` is often a version
 * manager's shim (pyenv's is a shell script that works the version out on every call, ~0.25 s a
 * process on this machine), and the unit tests start python3 over twenty times. undefined without python3.
 */
export const PYTHON3: string | undefined = (() => {
  const run = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() || 'python3' : undefined;
})();

/** Whether python3 runs here; the oracle comparisons are skipped, saying why, without it. */
export const HAS_PYTHON = PYTHON3 !== undefined;

// compile() as CPython compiles a file: a leading BOM is dropped (what the utf-8-sig codec does)
const VERDICTS = `
import json, sys
out = []
for src in json.load(sys.stdin):
    if src.startswith("\\ufeff"):
        src = src[1:]
    try:
        compile(src, "x.py", "exec")
        out.append(0)
    except SyntaxError as e:
        out.append(e.lineno)
    except Exception as e:
        out.append(f"{type(e).__name__}: {e}")
print(json.dumps(out))
`;

/**
 * CPython's verdicts on `sources`, from one python3 run, as a lookup: the line of the first
 * SyntaxError, or 0 when the text compiles. Reading a source that was not asked about, or that
 * CPython failed on otherwise (a ValueError), throws.
 */
export function cpythonErrorLines(sources: readonly string[]): (source: string) => number {
  const raw = execFileSync(PYTHON3!, ['-c', VERDICTS], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const verdicts = JSON.parse(raw) as (number | string)[];
  const bySource = new Map(sources.map((source, i) => [source, verdicts[i]]));
  return (source) => {
    const verdict = bySource.get(source);
    if (typeof verdict === 'number') return verdict;
    throw new Error(verdict === undefined ? 'CPython was not asked about this source' : `python3: ${verdict}`);
  };
}
