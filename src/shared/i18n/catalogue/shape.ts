/**
 * The shape of a catalogue: the English one defines it, and every other language must have exactly the
 * same keys (a missing or an extra key is a type error, not a blank on a screen).
 */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
