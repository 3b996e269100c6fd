// Checks run together: one part that must stay in the main thread keeps the whole run there.
import { describe, expect, it } from 'vitest';
import { composeTransforms } from '../../../../lib/engine/composite.js';
import type { TransformModule } from '../../../../lib/engine/types.js';

const part = (
  name: string,
  inProcess?: boolean,
): { name: string; module: TransformModule; options: Record<string, unknown> } => ({
  name,
  options: {},
  module: { default: (file) => file.source, meta: { name, description: name, extensions: ['py'], inProcess } },
});

describe('composeTransforms', () => {
  it('runs in-process when any part needs it, and not otherwise', () => {
    expect(composeTransforms([part('a'), part('b', true)]).meta?.inProcess).toBe(true);
    expect(composeTransforms([part('a'), part('b')]).meta?.inProcess).toBe(false);
  });
});
