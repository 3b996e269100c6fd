// The decision for every Python class of the repository: which listed bases are redundant, the
// MRO before and after removing them, and whether the removal is proven safe.
import { OBJECT, type ClassIndex, type ClassMro, type ClassRecord } from './class-index.js';
import type { RemoveRedundantBasesOptions } from './options.js';

/** Why a listed base adds nothing. `provider` is the class that already brings it. */
export type RedundancyReason =
  | { kind: 'duplicate'; of: number }
  | { kind: 'object' }
  | { kind: 'inherited'; providerBase: number; provider: string; via: string[] };

export interface Redundancy {
  /** Index into `record.bases`. */
  base: number;
  reason: RedundancyReason;
}

export type Outcome =
  /** Nothing redundant, MRO consistent (or nothing to say). */
  | 'clean'
  /** Inconsistent before, consistent after: case (a). */
  | 'fixed'
  /** Consistent before and exactly equal after: case (b). */
  | 'removed'
  /** Inconsistent, and removing redundant bases does not help. */
  | 'inconsistent'
  /** Depends on something unresolvable, or an ancestor that cannot be created. */
  | 'unknown'
  /** Built where a TypeError is expected (`with pytest.raises(…)`): reported, never edited. */
  | 'intended';

export interface ClassPlan {
  record: ClassRecord;
  redundant: Redundancy[];
  /** Indices into `record.bases` that the fix removes. */
  removed: number[];
  /** Redundant bases kept because removing them would change the MRO. */
  unsafe: { base: number; after: ClassMro }[];
  /** Bases from outside the repository that another listed base already brings: never removed, named in the report. */
  opaque: { base: number; provider: number }[];
  /** The class as written, its ancestors as planned. */
  before: ClassMro;
  /** The class with `removed` gone. */
  after: ClassMro;
  outcome: Outcome;
}

/**
 * Plans every class on demand, ancestors first: a class's MRO is computed against its
 * ancestors' planned headers, so the decision is the same whichever file is processed first,
 * and a second run over the fixed tree finds nothing.
 */
export class BasesPlanner {
  private readonly plans = new Map<string, ClassPlan>();
  private readonly active = new Set<string>();
  /** Planned linearisations of ancestors, shared by every decision. */
  private readonly plannedMro = new Map<string, ClassMro>();
  private readonly keep = (record: ClassRecord): readonly number[] | undefined => {
    if (this.active.has(record.id)) return undefined;
    const plan = this.plan(record.id);
    return plan && record.bases.map((_, i) => i).filter((i) => !plan.removed.includes(i));
  };

  constructor(
    readonly index: ClassIndex,
    readonly options: RemoveRedundantBasesOptions,
  ) {}

  plan(id: string): ClassPlan | undefined {
    const done = this.plans.get(id);
    if (done) return done;
    const record = this.index.classes.get(id);
    if (!record) return undefined;
    this.active.add(id);
    try {
      const plan = this.compute(record);
      this.plans.set(id, plan);
      return plan;
    } finally {
      this.active.delete(id);
    }
  }

  /** The MRO Python would compute with nothing changed anywhere. */
  mroAsWritten(id: string): ClassMro {
    return this.index.mro(id);
  }

  /** The MRO after every planned removal in the repository. */
  mroAfterFix(id: string): ClassMro {
    return this.index.mro(id, this.keep, this.plannedMro);
  }

  private compute(record: ClassRecord): ClassPlan {
    const all = record.bases.map((_, i) => i);
    const redundant = record.splat ? [] : this.findRedundant(record);
    const before = this.index.mroWithBases(record, all, this.keep, this.plannedMro);
    const base: ClassPlan = {
      record,
      redundant,
      removed: [],
      unsafe: [],
      opaque: [],
      before,
      after: before,
      outcome: 'clean',
    };
    if (before.kind === 'unknown') return { ...base, outcome: redundant.length ? 'unknown' : 'clean' };
    // a test that builds an inconsistent class on purpose must keep failing the way it expects
    if (record.expectsFailure && (before.kind === 'inconsistent' || redundant.length > 0))
      return { ...base, outcome: 'intended' };
    const without = (removed: readonly number[]) => all.filter((i) => !removed.includes(i));
    if (before.kind === 'inconsistent') {
      // case (a): the class cannot be created today; removing every redundant base must fix it
      const removed = redundant.map((r) => r.base);
      const after = removed.length
        ? this.index.mroWithBases(record, without(removed), this.keep, this.plannedMro)
        : before;
      if (removed.length && after.kind === 'ok') return { ...base, removed, after, outcome: 'fixed' };
      return { ...base, after, opaque: this.findOpaqueRedundant(record), outcome: 'inconsistent' };
    }
    if (redundant.length === 0) return base;
    if (this.options.onlyErrors) return { ...base, outcome: 'clean' };
    // case (b): keep each removal only while the MRO stays exactly what it is
    const removed: number[] = [];
    const unsafe: ClassPlan['unsafe'] = [];
    for (const r of redundant) {
      const trial = [...removed, r.base];
      const after = this.index.mroWithBases(record, without(trial), this.keep, this.plannedMro);
      if (after.kind === 'ok' && sameMro(after.mro, before.mro)) removed.push(r.base);
      else unsafe.push({ base: r.base, after });
    }
    const after = removed.length
      ? this.index.mroWithBases(record, without(removed), this.keep, this.plannedMro)
      : before;
    return { ...base, removed, unsafe, after, outcome: removed.length ? 'removed' : 'clean' };
  }

  /**
   * A base is redundant when it is listed twice, when another listed base already has it among
   * its ancestors (as planned), or when it is `object` beside other bases. Only classes of the
   * repository are ever a reason: what an opaque base inherits is unknown.
   */
  private findRedundant(record: ClassRecord): Redundancy[] {
    const entries = this.index.baseEntries(record);
    const found: Redundancy[] = [];
    entries.forEach((entry, i) => {
      if (!entry.node) return;
      const first = entries.findIndex((e) => e.node === entry.node);
      if (first < i) {
        found.push({ base: i, reason: { kind: 'duplicate', of: first } });
        return;
      }
      if (entry.node === OBJECT) {
        if (entries.some((e, j) => j !== i && e.base)) found.push({ base: i, reason: { kind: 'object' } });
        return;
      }
      if (entry.target.kind !== 'class') return;
      let best: { providerBase: number; provider: string; via: string[] } | undefined;
      entries.forEach((other, j) => {
        if (j === i || other.target.kind !== 'class' || other.node === entry.node) return;
        const via = this.pathTo(other.target.id, entry.node!);
        if (via && (!best || via.length < best.via.length)) best = { providerBase: j, provider: other.target.id, via };
      });
      if (best) found.push({ base: i, reason: { kind: 'inherited', ...best } });
    });
    return found;
  }

  /** `class E(Exception, ValueError)`: an outside base another listed base inherits, for the report only. */
  private findOpaqueRedundant(record: ClassRecord): { base: number; provider: number }[] {
    const entries = this.index.baseEntries(record);
    const found: { base: number; provider: number }[] = [];
    entries.forEach((entry, i) => {
      if (entry.target.kind !== 'external' || !entry.node) return;
      const provider = entries.findIndex((other, j) => {
        if (j === i || !other.node || other.node === entry.node) return false;
        const mro = this.index.mro(other.node, this.keep, this.plannedMro);
        return mro.kind === 'ok' && mro.mro.includes(entry.node!);
      });
      if (provider !== -1) found.push({ base: i, provider });
    });
    return found;
  }

  /** The chain of classes from `from` (excluded) down to `to` (excluded) through planned bases, if `to` is an ancestor. */
  private pathTo(from: string, to: string): string[] | undefined {
    const queue: { id: string; via: string[] }[] = [{ id: from, via: [] }];
    const seen = new Set([from]);
    while (queue.length) {
      const { id, via } = queue.shift()!;
      const record = this.index.classes.get(id);
      if (!record) continue;
      const kept = this.keep(record) ?? record.bases.map((_, i) => i);
      const entries = this.index.baseEntries(record);
      for (const i of kept) {
        const node = entries[i]?.node;
        if (!node) continue;
        if (node === to) return via;
        if (!seen.has(node) && entries[i].target.kind === 'class') {
          seen.add(node);
          queue.push({ id: node, via: [...via, node] });
        }
      }
    }
    return undefined;
  }
}

export function sameMro(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const planners = new WeakMap<ClassIndex, Map<string, BasesPlanner>>();

/** One planner per index and options, so every file of a run shares the decisions. */
export function plannerFor(index: ClassIndex, options: RemoveRedundantBasesOptions): BasesPlanner {
  let byOptions = planners.get(index);
  if (!byOptions) planners.set(index, (byOptions = new Map()));
  const key = JSON.stringify(options);
  let planner = byOptions.get(key);
  if (!planner) byOptions.set(key, (planner = new BasesPlanner(index, options)));
  return planner;
}
