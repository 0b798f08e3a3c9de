// The deliveries table keeps its whole view in the URL (filters, sort, page size, cursor), so a
// view can be bookmarked, shared and survives reloads.
import { searchParamsObject } from "@/lib/api/http";

export type PageSearchParams = Record<string, string | string[] | undefined>;

export function toUrlSearchParams(params: PageSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // An empty form field means "no filter", not an invalid value.
    for (const v of Array.isArray(value) ? value : [value]) if (v) out.append(key, v);
  }
  return out;
}

/** The object the table's zod schema parses; `status` may repeat. */
export function tableQueryObject(params: PageSearchParams) {
  return searchParamsObject(toUrlSearchParams(params), ["status"]);
}

/** The same view with some parameters replaced (undefined removes one). */
/** The same view as a CSV download (GET /api/v1/deliveries.csv): the filters and sort, no paging. */
export function exportHref(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  next.delete("limit");
  const query = next.toString();
  return query ? `/api/v1/deliveries.csv?${query}` : "/api/v1/deliveries.csv";
}

export function withParams(params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `/deliveries?${query}` : "/deliveries";
}
