// One call into a function through the Inngest SDK's own protocol, in process: the signed request an
// Inngest server would send, handed to a serve() handler mounted on no route (docs/background.md).
// Answers are classified for the executor.
import { createHmac, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/edge";
import type { LoadedRun, RunEvent, StepResult } from "@/lib/background/runs";
import { loggerFor } from "@/lib/core/logger";

const log = loggerFor("background");

type AnyFunction = InngestFunction.Any;

export type CallOutcome =
  /** Steps that finished (or failed for good) in this call: remember them, call again. */
  | { kind: "steps"; steps: { id: string; name: string; result: StepResult }[] }
  /** A step failed and may be retried: call again later with attempt + 1. */
  | { kind: "step-error"; name: string; error: string }
  | { kind: "done"; output: unknown }
  /** The function body threw; `retry` is false for NonRetriableError or the last attempt. */
  | { kind: "error"; error: string; retry: boolean }
  /** An op this executor does not run (sleep, waitForEvent, parallel steps…). */
  | { kind: "unsupported"; op: string };

interface Op {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
}

export function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return name && name !== "Error" ? `${String(name)}: ${String(message)}` : String(message);
  }
  return typeof error === "string" ? error : JSON.stringify(error);
}

const quietLogger = {
  info: () => {},
  debug: () => {},
  warn: (...args: unknown[]) => log.warn({ detail: String(args[0]) }, "inngest sdk"),
  error: () => {},
};

export function createFunctionCaller(appId: string, functions: AnyFunction[]) {
  const signingKey = `signkey-prod-${randomBytes(32).toString("hex")}`;
  // The SDK logs every step error with its stack; the executor records each in the run instead.
  const client = new Inngest({ id: appId, signingKey, isDev: false, logger: quietLogger });
  const handler = serve({ client, functions });
  const hmacKey = signingKey.replace(/^signkey-[\w]+-/, "");

  return async function callFunction(fnId: string, run: LoadedRun): Promise<CallOutcome> {
    // Functions see the contract's event: the trace context the relay added stays with the run.
    const events = (run.events ?? [run.event]).map(
      ({ traceparent: _, ...event }: RunEvent & { traceparent?: string }) => event,
    );
    const body = canonicalize({
      event: events[0],
      events,
      steps: run.steps,
      version: 2,
      ctx: {
        run_id: run.id,
        attempt: run.attempt,
        max_attempts: run.maxAttempts,
        stack: { stack: run.stack, current: run.stack.length },
      },
    })!;
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = createHmac("sha256", hmacKey)
      .update(body + ts)
      .digest("hex");
    const response = await handler(
      new Request(`http://embedded/api/inngest?fnId=${encodeURIComponent(fnId)}&stepId=step`, {
        method: "POST",
        body,
        headers: {
          host: "embedded",
          "content-type": "application/json",
          "x-inngest-signature": `t=${ts}&s=${signature}`,
        },
      }),
    );
    const text = await response.text();
    const payload = text ? (JSON.parse(text) as unknown) : null;
    if (response.status === 200) return { kind: "done", output: payload };
    if (response.status === 206) {
      const ops = payload as Op[];
      const steps: { id: string; name: string; result: StepResult }[] = [];
      for (const op of ops) {
        const name = op.displayName ?? op.name ?? op.id;
        if (op.op === "StepRun") steps.push({ id: op.id, name, result: { data: op.data ?? null } });
        else if (op.op === "StepFailed") steps.push({ id: op.id, name, result: { error: op.error ?? null } });
        else if (op.op === "StepError") return { kind: "step-error", name, error: `${name}: ${errorText(op.error)}` };
        else return { kind: "unsupported", op: op.op };
      }
      return { kind: "steps", steps };
    }
    const noRetry = response.headers.get("x-inngest-no-retry") === "true";
    return { kind: "error", error: errorText(payload), retry: !noRetry && run.attempt + 1 < run.maxAttempts };
  };
}
