// A partner's CSV file → delivery requests, every row validated with the create schema (the API's
// own), nothing written. File-level problems (not UTF-8 text, too large, too many rows, broken
// quoting, unknown columns) are one AppError; row-level problems are listed per row and column.
import { CsvError, parse } from "csv-parse/sync";
import { restoreCell } from "@/lib/core/csv";
import { fieldErrors } from "@/lib/core/validation";
import { AppError } from "@/lib/core/errors";
import { createDeliverySchema, type CreateDeliveryInput } from "@/lib/deliveries/schemas";
import { dayInZone, localToInstant } from "@/lib/deliveries/windows";

export const IMPORT_LIMITS = {
  /** 10,000 rows of a few hundred bytes each, with room to spare. */
  maxBytes: 5 * 1024 * 1024,
  maxRows: 10_000,
  /** No field of the create schema is longer than 2,000 characters; a record far past that is not ours. */
  maxRecordBytes: 16 * 1024,
} as const;

type Field = keyof CreateDeliveryInput;
const WINDOW_FIELDS = ["pickupWindow", "dropoffWindow"] as const satisfies Field[];
type WindowField = (typeof WINDOW_FIELDS)[number];
const windowColumns = (field: WindowField) => [`${field}From`, `${field}To`] as const;
type WindowColumn = ReturnType<typeof windowColumns>[number];

/**
 * The template's columns: the create schema's fields in its order, a window as two columns
 * (`dropoffWindowFrom`, `dropoffWindowTo`) since a cell holds one value.
 */
export const IMPORT_COLUMNS = (Object.keys(createDeliverySchema.shape) as Field[]).flatMap(
  (field): (Exclude<Field, WindowField> | WindowColumn)[] =>
    (WINDOW_FIELDS as readonly string[]).includes(field)
      ? [...windowColumns(field as WindowField)]
      : [field as Exclude<Field, WindowField>],
);
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
// The delivery date is required unless a drop-off window gives it: only the always-required fields.
const REQUIRED: ImportColumn[] = ["pickupAddress", "dropoffAddress", "recipientName"];

export interface RowError {
  /** Row as a spreadsheet numbers it: the header is row 1 (a quoted line break stays in its row). */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportRow {
  row: number;
  input: CreateDeliveryInput;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: RowError[];
  /** Data rows in the file, valid or not. */
  total: number;
}

const invalid = (message: string) =>
  new AppError("validation_failed", message, { errors: [{ path: "file", message }] });

function decode(bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) {
    throw new AppError("payload_too_large", `The file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.");
  }
  if (text.includes("\u0000")) throw invalid("The file is not a CSV text file.");
  return text.replace(/^\uFEFF/, "");
}

/** Comma or semicolon (spreadsheets in many locales write `;`), decided by the header line. */
function delimiterOf(text: string): "," | ";" {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** A window cell: ISO 8601 with an offset as in the API, or a wall-clock time in the partner's zone. */
function windowEnd(value: string, timeZone: string): string {
  const local = localToInstant(value.trim().replace(" ", "T"), timeZone);
  return local ? local.toISOString() : value.trim();
}

/**
 * Form and spreadsheet conventions → the schema's types: a blank is absent, "2,5" kg is 2.5, a
 * window's two cells are one window (one of them blank is reported under that cell).
 */
function prepare(record: Record<string, string>, timeZone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    // A blank optional cell is "not given"; a blank required one stays, to be reported as required.
    if (value.trim() === "" && !(REQUIRED as string[]).includes(key)) continue;
    if (key === "packageWeightKg") {
      const number = value.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
      out[key] = /^-?\d+(\.\d+)?$/.test(number) ? Number(number) : value;
    } else if (!WINDOW_FIELDS.some((f) => key.startsWith(f))) out[key] = value;
  }
  for (const field of WINDOW_FIELDS) {
    const [from, to] = windowColumns(field).map((c) => record[c]?.trim() ?? "");
    if (from || to) out[field] = { from: from ? windowEnd(from, timeZone) : "", to: to ? windowEnd(to, timeZone) : "" };
  }
  return out;
}

/** A schema path (`dropoffWindow.to`) as the column a spreadsheet user sees (`dropoffWindowTo`). */
function columnOf(path: string): string {
  const [field, end] = path.split(".");
  if ((WINDOW_FIELDS as readonly string[]).includes(field)) {
    return end === "to" ? `${field}To` : end === "from" ? `${field}From` : `${field}From`;
  }
  return path;
}

/** `timeZone`: the partner's, for window cells written as wall-clock times. */
export function parseImport(bytes: Uint8Array, timeZone = "UTC"): ParsedImport {
  const text = decode(bytes);
  if (text.trim() === "") throw invalid("The file is empty. Start from the template.");
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      max_record_size: IMPORT_LIMITS.maxRecordBytes,
      // One more than allowed (plus the header), to say "too many" without reading everything.
      to: IMPORT_LIMITS.maxRows + 2,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const where = "lines" in error && typeof error.lines === "number" ? ` (line ${error.lines})` : "";
    const why =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted field is never closed"
        : error.code === "CSV_MAX_RECORD_SIZE"
          ? "a row is far longer than any delivery"
          : error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
            ? "a row has a different number of columns than the header"
            : "it is not valid CSV";
    throw invalid(`The file cannot be read: ${why}${where}.`);
  }
  const [header = [], ...data] = records;
  if (data.length > IMPORT_LIMITS.maxRows) {
    throw new AppError("payload_too_large", `At most ${IMPORT_LIMITS.maxRows.toLocaleString("en")} rows per file.`);
  }
  const columns = header.map((h) => {
    const name = h.trim();
    return IMPORT_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
  });
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as string[]).includes(c));
  if (unknown.length) throw invalid(`Unknown column(s): ${unknown.join(", ")}. Use the template's columns.`);
  const missing: string[] = REQUIRED.filter((c) => !columns.includes(c));
  if (!columns.includes("deliveryDate") && !columns.includes("dropoffWindowFrom")) {
    missing.push("deliveryDate (or dropoffWindowFrom and dropoffWindowTo)");
  }
  if (missing.length) throw invalid(`Missing column(s): ${missing.join(", ")}.`);
  if (new Set(columns).size !== columns.length) throw invalid("A column appears twice in the header.");

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  data.forEach((cells, i) => {
    const row = i + 2;
    // A file we exported carries a ' before formula starts (a phone's +): read back, it goes.
    const record = Object.fromEntries(columns.map((c, j) => [c, restoreCell(cells[j] ?? "")]));
    const parsed = createDeliverySchema.safeParse(prepare(record, timeZone));
    // The day a drop-off window gives, in the partner's zone, must be the date the row says.
    const window = parsed.success ? parsed.data.dropoffWindow : undefined;
    const day = window ? dayInZone(window.from, timeZone) : undefined;
    if (parsed.success && parsed.data.deliveryDate && day && day !== parsed.data.deliveryDate) {
      errors.push({
        row,
        column: "deliveryDate",
        message: `Disagrees with the drop-off window, which starts on ${day}`,
      });
    } else if (parsed.success) rows.push({ row, input: parsed.data });
    else for (const e of fieldErrors(parsed.error)) errors.push({ row, column: columnOf(e.path), message: e.message });
  });
  return { rows, errors, total: data.length };
}
