// Config globs (`onlyIn`, `in`) read as .gitignore lines.
import { describe, expect, it } from 'vitest';
import { pathMatcher } from '../../../../lib/engine/globs.js';

describe('pathMatcher', () => {
  it('matches a folder and everything under it', () => {
    const inShared = pathMatcher(['shared']);
    expect(['shared/a.py', 'shared/deep/b.py', 'pkg/shared/c.py'].map(inShared)).toEqual([true, true, true]);
    expect(['sharedx/a.py', 'pkg/a.py'].map(inShared)).toEqual([false, false]);
  });

  it('anchors a glob with a slash at the root, and lets a bare name match at any depth', () => {
    const anchored = pathMatcher(['functions/*/main.py']);
    expect(anchored('functions/billing/main.py')).toBe(true);
    expect(anchored('x/functions/billing/main.py')).toBe(false);
    expect(anchored('functions/billing/deep/main.py')).toBe(false);
    const anywhere = pathMatcher(['*_test.py']);
    expect(anywhere('pkg/deep/util_test.py')).toBe(true);
    expect(anywhere('pkg/deep/util.py')).toBe(false);
  });

  it('takes ** for any depth, ./ as the root, ! to re-include, and is case-sensitive', () => {
    const matcher = pathMatcher(['./services/**/handlers', '!services/legacy/handlers']);
    expect(matcher('services/a/b/handlers/x.py')).toBe(true);
    expect(matcher('services/handlers/x.py')).toBe(true);
    expect(matcher('services/legacy/handlers/x.py')).toBe(false);
    expect(pathMatcher(['Shared'])('shared/a.py')).toBe(false);
  });
});
