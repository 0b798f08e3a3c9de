// Small HTTP helpers shared by the routes: ETags, headers, query strings.
import type { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { CONTROL_MESSAGE, hasControlChars } from "@/lib/core/text";

/** A header whose (decoded) value holds a control character: a 400 naming the header. */
function refuseControlChars(name: string, value: string) {
  if (!hasControlChars(value)) return;
  throw new AppError("validation_failed", `The ${name} header is not valid.`, {
    errors: [{ path: name, message: CONTROL_MESSAGE }],
  });
}

export const etag = (version: number) => `"${version}"`;

/** `If-Match: "3"` (or W/"3", or *) → 3; absent or * → undefined. */
export function expectedVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError("validation_failed", 'If-Match must be an ETag such as "3".', {
      errors: [{ path: "If-Match", message: "Not an ETag of this API" }],
    });
  }
  return Number(match[1]);
}

/** A header checked by its schema (400 whose `errors` name the header otherwise); absent → undefined. */
export function headerValue<S extends z.ZodType>(request: Request, name: string, schema: S): z.infer<S> | undefined {
  const header = request.headers.get(name);
  if (header === null) return undefined;
  refuseControlChars(name, header);
  const result = schema.safeParse(header);
  if (result.success) return result.data;
  throw new AppError("validation_failed", `The ${name} header is not valid.`, {
    errors: result.error.issues.map((issue) => ({ path: name, message: issue.message })),
  });
}

/** Query string → plain object; repeated keys and comma lists become arrays where asked. */
export function searchParamsObject(url: string | URLSearchParams, arrayKeys: readonly string[] = []) {
  const params = typeof url === "string" ? new URL(url).searchParams : url;
  // From entries, so a key such as "__proto__" or "toString" is an own field like any other.
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      const value = arrayKeys.includes(key)
        ? values
            .flatMap((v) => v.split(","))
            .map((v) => v.trim())
            .filter(Boolean)
        : values[values.length - 1];
      return [key, value];
    }),
  ) as Record<string, string | string[]>;
}

/** `X-File-Name`, percent-decoded when it was encoded (headers carry only ASCII), else as sent. */
export function fileNameHeader(request: Request): string | null {
  const header = request.headers.get("x-file-name");
  if (header === null) return null;
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // not percent-encoded: the name as sent
  }
  refuseControlChars("X-File-Name", name);
  return name;
}
