#!/usr/bin/env node
// Drop optional dependencies that package-lock.json names but does not contain.
// Why: the npm registry this project is built against serves only this platform's native
// packages (other platforms' @rollup/rollup-* answer 404), so npm records no entry for them,
// and `npm ci` then refuses the lock file ("Missing: … from lock file"). They are optional and
// never installed here, so removing the dangling names is exactly what npm would have done.
// Run after every `npm install` that changes the lock: `node scripts/fix-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, '')));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`fix-lockfile: dropped ${dropped} optional dependencies missing from the registry\n`);
