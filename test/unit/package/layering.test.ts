// Imports point one way: cli → api → features and transforms → lib (STYLE.md). A module never reaches up a
// layer, cli reaches the transforms only through api, and no transform imports another one:
// what two of them share belongs in lib/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

const LAYERS = ['cli', 'api', 'features', 'transforms', 'lib'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import from the others (itself always). */
const ALLOWED: Record<Layer, Layer[]> = {
  cli: ['api', 'lib'],
  api: ['features', 'transforms', 'lib'],
  features: ['lib'],
  transforms: ['lib'],
  lib: [],
};

function* sources(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(entry.name)) yield full;
  }
}

interface Crossing {
  from: string;
  to: string;
}

/** Every relative import (static, dynamic, `export … from`) leaving its own layer or transform. */
function crossings(): Crossing[] {
  const found: Crossing[] = [];
  for (const layer of LAYERS) {
    for (const file of sources(path.join(REPO_ROOT, layer))) {
      const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
      for (const { fileName } of imports) {
        if (!fileName.startsWith('.')) continue;
        const target = path.relative(REPO_ROOT, path.resolve(path.dirname(file), fileName));
        found.push({ from: path.relative(REPO_ROOT, file), to: target });
      }
    }
  }
  return found;
}

const layerOf = (relative: string): string => relative.split(path.sep)[0];
/** `transforms/<name>` for a transform's own files, `transforms` for the registry and shared help. */
const transformOf = (relative: string): string | undefined => {
  const parts = relative.split(path.sep);
  return parts[0] === 'transforms' && parts.length > 2 ? parts[1] : undefined;
};

describe('layering', () => {
  const all = crossings();

  it('finds the imports it checks (the scan itself works)', () => {
    expect(all.some((c) => c.from.startsWith('cli') && c.to.startsWith('api'))).toBe(true);
    expect(all.some((c) => c.from.startsWith('transforms') && c.to.startsWith('lib'))).toBe(true);
  });

  it('no module imports a layer above it, and cli reaches transforms only through api', () => {
    const wrong = all.filter(({ from, to }) => {
      const source = layerOf(from) as Layer;
      const target = layerOf(to);
      return (
        target !== source &&
        (LAYERS as readonly string[]).includes(target) &&
        !ALLOWED[source].includes(target as Layer)
      );
    });
    expect(wrong.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('no transform imports another transform', () => {
    const wrong = all.filter(({ from, to }) => {
      const own = transformOf(from);
      const other = transformOf(to);
      return own !== undefined && other !== undefined && own !== other;
    });
    expect(wrong.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });
});
