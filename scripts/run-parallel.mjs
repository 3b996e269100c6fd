#!/usr/bin/env node
// Run npm scripts side by side and fail when any fails: `npm test`'s checks before vitest (build and
// typecheck in one program, prettier, eslint) are single-threaded and independent, so on two cores running them
// together takes about as long as the slowest instead of the sum. Each script's output is printed
// whole when it ends, so two never interleave; the exit code is the first failure's.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('usage: node scripts/run-parallel.mjs SCRIPT [SCRIPT ...]\n');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: [Buffer.from(`${error.message}\n`)], started }));
    child.on('close', (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output, started }));
  }).then((result) => {
    const seconds = ((Date.now() - result.started) / 1000).toFixed(1);
    const text = Buffer.concat(result.output).toString();
    process.stdout.write(`> ${script}: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`} in ${seconds}s\n`);
    if (text.trim() && result.code !== 0) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return result.code;
  });
}

const codes = await Promise.all(scripts.map(run));
process.exitCode = codes.find((code) => code !== 0) ?? 0;
