// fillMessage: a message table's `{name}` placeholders, filled at run time and checked at build time.
import { describe, expect, it } from 'vitest';
import { fillMessage } from '../../../../lib/engine/diagnostics.js';

describe('fillMessage', () => {
  it('fills every placeholder and leaves text without one alone', () => {
    expect(fillMessage("'{name}' repeated (first at {first})", { name: 'x', first: '3:4' })).toBe(
      "'x' repeated (first at 3:4)",
    );
    expect(fillMessage('nothing to fill', {})).toBe('nothing to fill');
  });

  it("checks a literal template's placeholders when it is built (npm run typecheck fails on an unused directive)", () => {
    // @ts-expect-error: 'first' is missing, and the compiler knows it from the literal template
    expect(fillMessage("'{name}' repeated (first at {first})", { name: 'x' })).toBe("'x' repeated (first at {first})");
  });
});
