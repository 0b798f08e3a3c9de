// The subset of Inngest's expressions (CEL) the embedded executor evaluates, for `priority.run`,
// `concurrency.key` and `batchEvents.key`: a whole number, a quoted string, `event.<field>` or
// `event.data.<field>`, and `has(event.data.<field>) ? <a> : <b>` over those. Anything else is
// reported once at start (`understood`), so a function is never silently given other rules.
import type { RunEvent } from "@/lib/background/runs";

type Value = string | number | null;

const FIELD = /^event\.(?:data\.)?(\w+)$/;
const CONDITIONAL = /^has\(event\.data\.(\w+)\)\s*\?\s*(.+?)\s*:\s*(.+)$/;

function term(text: string, event: RunEvent | undefined): Value | undefined {
  if (/^-?\d+$/.test(text)) return Number(text);
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  const field = FIELD.exec(text);
  if (field) {
    const value = text.startsWith("event.data.")
      ? event?.data[field[1]]
      : (event as unknown as Record<string, unknown> | undefined)?.[field[1]];
    return typeof value === "string" || typeof value === "number" ? value : null;
  }
  return undefined;
}

/** The expression's value for this event; `undefined` when the expression is not understood. */
export function evaluate(expression: string, event?: RunEvent): Value | undefined {
  const text = expression.trim();
  const conditional = CONDITIONAL.exec(text);
  if (!conditional) return term(text, event);
  const [, field, then, otherwise] = conditional;
  const present = event?.data[field] !== undefined && event?.data[field] !== null;
  const a = term(then, event);
  const b = term(otherwise, event);
  if (a === undefined || b === undefined) return undefined;
  return present ? a : b;
}

/** True when this executor evaluates the expression (any event gives a value). */
export const understood = (expression: string | undefined) =>
  !expression?.trim() || evaluate(expression, { id: "", name: "", data: {}, ts: 0 }) !== undefined;

/** Inngest's `priority.run` in seconds: a number, or 0 when absent or not a number. */
export function priorityFactor(expression: string | undefined, event?: RunEvent): number {
  const value = expression ? evaluate(expression, event) : 0;
  return typeof value === "number" ? value : 0;
}
