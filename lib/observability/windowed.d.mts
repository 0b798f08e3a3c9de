// The types of windowed.mjs for TypeScript callers (the project does not type-check plain JS).
export type Totals = Record<string, number>;
export function slidingWindow(options: { startedAt: number; windowMs?: number }): {
  note(at: number, totals: Totals): void;
  since(at: number, totals: Totals): Totals;
};
export function statusClass(labels: Record<string, string | number>): string;
export function startLastHourGauges(): void;
