// Reading request input: content type, size limit, JSON syntax, then the one zod schema.
import type { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { parseWith } from "@/lib/core/validation";
import { env } from "@/lib/env";

/** The body's bytes, refused with 413 as soon as it passes `limit` (declared or streamed). */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("payload_too_large", `The body exceeds ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readLimited(request: Request, limit: number): Promise<string> {
  return (await readBytes(request, limit)).toString("utf8");
}

/** A JSON body validated by `schema`: 415, 413, 400 (syntax) or 400 (validation) otherwise. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = await readLimited(request, env().API_MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("validation_failed", "The body must be a JSON object.", {
      errors: [{ path: "(body)", message: "Expected an object" }],
    });
  }
  return parseWith(schema, value, "request body");
}
