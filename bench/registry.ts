/**
 * Benchmarks: each `bench/<area>.bench.ts` exports `benches`, a list of named steps that answer one or
 * more measurements. `npm run bench` runs every file (or those whose bench names match the arguments),
 * prints one JSON object per measurement and then a table. Add a new area by adding a file.
 */
export interface Measurement {
  /** Dotted and stable, e.g. "serviceObjects.list.page1": CI compares runs by name. */
  name: string
  value: number
  /** "ms", "MB", "rows", … */
  unit: string
}

export interface Bench {
  name: string
  run: () => Promise<Measurement[]> | Measurement[]
}

export const defineBenches = (benches: Bench[]): Bench[] => benches
