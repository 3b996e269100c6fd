// Minimal gitignore-flavoured globs for `onlyIn` / `in`: `**`, `*`, `?`; a bare directory matches its contents.
export type GlobMatcher = (relPath: string) => boolean;

/** One matcher for several globs: true when any matches the path or one of its parent directories. */
export function globMatcher(globs: readonly string[]): GlobMatcher {
  const regexes = globs.map(globToRegExp);
  return (relPath) => {
    for (let p = relPath; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      if (regexes.some((r) => r.test(p))) return true;
    }
    return false;
  };
}

function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      // `**/` matches zero or more directories
      if (g[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  g = out;
  // a glob without a slash matches a name at any depth, as in .gitignore
  return new RegExp(glob.includes('/') ? `^${g}$` : `^(?:.*/)?${g}$`);
}
