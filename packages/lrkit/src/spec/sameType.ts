/**
 * Compile-time checks of the generated options interfaces (`options.generated.ts`): each must take
 * exactly what its schema takes.
 *
 * @module
 */

/** `true` when `A` and `B` are assignable to each other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Accepts `true` only. */
export type Assert<T extends true> = T;
