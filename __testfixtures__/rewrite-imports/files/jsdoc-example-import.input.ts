/**
 * Higher-kinded helpers, re-exported from effect/types.
 *
 * @example
 * import { HKT } from "effect/types"
 * const name = "effect/types"
 *
 * @see src/lib/hkt.ts for the local copy
 */
export const kinds = 1;
// import("effect/types") is lazy in the old docs
