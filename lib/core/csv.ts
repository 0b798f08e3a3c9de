// The one CSV writer for every file the app hands out. Spreadsheets run cells starting with = + - @
// (or tab, CR) as formulas and split cells on their locale's separator, so every field is quoted and
// every segment that could be split off and starts like a formula gets a ' in front.

const SEPARATORS = new Set([",", ";", "\t", "\r", "\n"]);
const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * A segment begins at the cell's start and after each separator or line break a spreadsheet may
 * split on; a tab or CR is both, so the character after one begins a segment of its own.
 */
export function neutraliseCell(value: string): string {
  let out = "";
  let segmentStart = true;
  for (const char of value) {
    if (segmentStart && FORMULA_STARTS.has(char)) out += "'";
    out += char;
    segmentStart = SEPARATORS.has(char);
  }
  return out;
}

/**
 * The reverse, for files we read back (an export re-imported): a ' that stands before a formula
 * start at a segment's start is ours and goes. Only a value that itself held ' there changes.
 */
export function restoreCell(value: string): string {
  let out = "";
  let segmentStart = true;
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    if (segmentStart && chars[i] === "'" && FORMULA_STARTS.has(chars[i + 1] ?? "")) continue;
    out += chars[i];
    segmentStart = SEPARATORS.has(chars[i]);
  }
  return out;
}

function field(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return `"${neutraliseCell(text).replaceAll('"', '""')}"`;
}

/** One CSV line (RFC 4180 quoting), ending in a line break. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(field).join(",")}\n`;
}

/** Several lines at once. */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvLine).join("");
}
