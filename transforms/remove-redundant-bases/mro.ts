// C3 linearisation, exactly as CPython computes a class's __mro__, over opaque node keys, with
// a description of the conflict when no consistent order exists.

/** Where an ordering constraint comes from: a base's own MRO, or the class's list of bases. */
export type ConstraintSource = { kind: 'mro'; of: string } | { kind: 'bases' };

/** Two nodes that the merged lists want in both orders. */
export interface MroConflict {
  /** `first` must precede `second` according to `firstSource`… */
  first: string;
  second: string;
  firstSource: ConstraintSource;
  /** …and `second` must precede `first` according to `secondSource`. */
  secondSource: ConstraintSource;
}

export type MroResult =
  | { ok: true; mro: string[] }
  | { ok: false; reason: 'duplicate'; duplicate: string }
  | { ok: false; reason: 'conflict'; conflict: MroConflict; blocked: string[] };

/**
 * C3: `mro(C) = [C] + merge(mro(B1), …, mro(Bn), [B1, …, Bn])`. `baseMros` are the already
 * linearised bases, in the order listed. Like CPython, a base listed twice is an error of its
 * own (`duplicate base class`) before any merge.
 * @example linearise('C', ['A', 'B'], [['A', 'object'], ['B', 'A', 'object']]) // conflict: A before B, B before A
 */
export function linearise(head: string, bases: readonly string[], baseMros: readonly (readonly string[])[]): MroResult {
  const seen = new Set<string>();
  for (const base of bases) {
    if (seen.has(base)) return { ok: false, reason: 'duplicate', duplicate: base };
    seen.add(base);
  }
  const sources: ConstraintSource[] = [
    ...bases.map((b): ConstraintSource => ({ kind: 'mro', of: b })),
    { kind: 'bases' },
  ];
  const lists = [...baseMros.map((m) => [...m]), [...bases]];
  const out = [head];
  for (;;) {
    const live = lists.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 0);
    if (live.length === 0) return { ok: true, mro: out };
    let chosen: string | undefined;
    for (const { l } of live) {
      const candidate = l[0];
      if (!live.some(({ l: other }) => other.indexOf(candidate) > 0)) {
        chosen = candidate;
        break;
      }
    }
    if (chosen === undefined) {
      return {
        ok: false,
        reason: 'conflict',
        conflict: describeConflict(live, sources),
        blocked: live.map(({ l }) => l[0]),
      };
    }
    out.push(chosen);
    for (const list of lists) if (list[0] === chosen) list.shift();
  }
}

/**
 * Find two remaining nodes ordered both ways by two lists (the pair a reader can act on); when
 * the cycle is longer, name the first blocked head and the list that blocks it.
 */
function describeConflict(live: { l: string[]; i: number }[], sources: ConstraintSource[]): MroConflict {
  // prefer a conflict that involves the class's own list of bases: that is what the user wrote
  const ordered = [...live].sort(
    (a, b) => (sources[b.i].kind === 'bases' ? 1 : 0) - (sources[a.i].kind === 'bases' ? 1 : 0),
  );
  for (const a of ordered) {
    for (let x = 0; x < a.l.length; x++) {
      for (let y = x + 1; y < a.l.length; y++) {
        for (const b of live) {
          if (b === a) continue;
          const bx = b.l.indexOf(a.l[x]);
          const by = b.l.indexOf(a.l[y]);
          if (bx !== -1 && by !== -1 && by < bx) {
            return { first: a.l[x], second: a.l[y], firstSource: sources[a.i], secondSource: sources[b.i] };
          }
        }
      }
    }
  }
  const a = live[0];
  const blocker = live.find(({ l }) => l.indexOf(a.l[0]) > 0)!;
  return { first: a.l[0], second: blocker.l[0], firstSource: sources[a.i], secondSource: sources[blocker.i] };
}
