// Rewrite the README's check table from the built registry (run `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { checkTable, TABLE_END, TABLE_START } from '../dist/api/check-table.js';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start === -1 || end === -1) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} section`);
writeFileSync(file, readme.slice(0, start) + (await checkTable()) + readme.slice(end + TABLE_END.length));
