// Totals for paged lists: counting stops at a cap, because a count of millions costs seconds.

/** Past this many rows a list says "10,000+". */
export const TOTAL_CAP = 10_000;

export interface ListTotal {
  count: number;
  /** true: there are more than `count` (= TOTAL_CAP). */
  capped: boolean;
}

/**
 * The total from a count that was run with `take: TOTAL_CAP + 1` (a LIMIT inside the count):
 * `cappedTotal((take) => db.x.count({ where, take }))`.
 */
export async function cappedTotal(count: (take: number) => Promise<number>): Promise<ListTotal> {
  const n = await count(TOTAL_CAP + 1);
  return n > TOTAL_CAP ? { count: TOTAL_CAP, capped: true } : { count: n, capped: false };
}
