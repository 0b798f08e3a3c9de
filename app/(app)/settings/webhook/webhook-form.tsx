"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/action-toast";
import { FormField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { webhookAction, type WebhookActionState } from "./actions";

type TestResult = NonNullable<NonNullable<WebhookActionState["result"]>["test"]>;

/** Why a test event failed, in words a partner can act on. */
function readableReason(test: TestResult): string {
  const status = test.responseStatus ?? Number(/^HTTP (\d{3})$/.exec(test.error ?? "")?.[1] ?? NaN);
  if (Number.isFinite(status)) {
    if (status >= 500) return `Your endpoint answered ${status}: an error on your server. Check its logs.`;
    if (status === 401 || status === 403)
      return `Your endpoint answered ${status}: it refused the request. Check that it accepts our signature.`;
    if (status === 404) return "Your endpoint answered 404: nothing is listening at this path. Check the URL.";
    if (status >= 300 && status < 400) return `Your endpoint answered ${status}, a redirect: we do not follow those.`;
    return `Your endpoint answered ${status}; it must answer with a 2xx status.`;
  }
  return test.error ?? "The request failed.";
}

function TestResultPanel({ test }: { test: TestResult }) {
  return (
    <section
      aria-label="Test event result"
      data-testid="webhook-test-result"
      className={`grid gap-1 rounded-md border p-4 text-sm ${test.ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50"}`}
    >
      <p className="font-semibold">{test.ok ? "Test event delivered" : "Test event failed"}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Status</dt>
        <dd data-testid="webhook-test-status">{test.responseStatus ?? "no answer"}</dd>
        <dt className="text-slate-600">Time</dt>
        <dd>{test.durationMs} ms</dd>
      </dl>
      {!test.ok && <p data-testid="webhook-test-reason">{readableReason(test)}</p>}
    </section>
  );
}

export function WebhookForm({
  partnerId,
  url,
  hasEndpoint,
  missed = 0,
}: {
  partnerId: string;
  url: string;
  hasEndpoint: boolean;
  /** Events the endpoint missed while disabled, offered for replay once it is enabled again. */
  missed?: number;
}) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookAction, {});
  const draft = useActionFeedback("webhook", state);
  // A refused URL stays in the field (the form resets to its default values after each action).
  const shownUrl = state.values?.url ?? draft?.url ?? url;
  return (
    <div className="grid gap-4">
      <form action={action} className="card grid gap-4" data-testid="webhook-form">
        <input type="hidden" name="partnerId" value={partnerId} />
        <FormField
          label="Endpoint URL"
          name="url"
          type="url"
          defaultValue={shownUrl}
          placeholder="https://example.com/webhooks/deliveries"
          error={state.errors?.url}
          hint="An https address of your system that answers 2xx to our POST requests."
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" variant="primary" disabled={pending}>
            Save and enable
          </Button>
          {hasEndpoint && (
            <>
              <Button type="submit" name="intent" value="test" disabled={pending} formNoValidate>
                Send test event
              </Button>
              <Button type="submit" name="intent" value="reveal" disabled={pending} formNoValidate>
                Reveal signing secret
              </Button>
              {missed > 0 && (
                <Button type="submit" name="intent" value="replay" disabled={pending} formNoValidate>
                  Replay {missed} missed event{missed === 1 ? "" : "s"}
                </Button>
              )}
            </>
          )}
        </div>
        {state.result?.test && <TestResultPanel test={state.result.test} />}
        {state.result?.secret && (
          <Notice tone="warning">
            Signing secret:{" "}
            <code className="break-all font-mono" data-testid="webhook-secret">
              {state.result.secret}
            </code>
          </Notice>
        )}
      </form>
      {hasEndpoint && <RotateSecret partnerId={partnerId} />}
    </div>
  );
}

function RotateSecret({ partnerId }: { partnerId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <section aria-labelledby="rotate-heading" className="card grid gap-2">
      <h2 id="rotate-heading" className="text-base font-semibold">
        Signing secret
      </h2>
      <p className="text-sm text-slate-700">
        Rotate it when it may have leaked. Your endpoint must then verify with the new secret.
      </p>
      <div>
        <ConfirmDialog<WebhookActionState>
          trigger="Rotate signing secret"
          title="Rotate the signing secret?"
          description={
            <>
              <p>
                The current secret stops verifying at once: until your endpoint uses the new one, it will reject our
                events.
              </p>
              <p className="mt-2">The new secret is shown once you confirm.</p>
            </>
          }
          confirm="Rotate secret"
          pendingText="Rotating…"
          danger
          action={webhookAction}
          hidden={{ partnerId, intent: "rotate" }}
          onAnswer={(state) => setSecret(state.result?.secret ?? null)}
          testId="rotate-secret"
        />
      </div>
      {secret && (
        <Notice tone="warning">
          New signing secret:{" "}
          <code className="break-all font-mono" data-testid="webhook-secret">
            {secret}
          </code>
        </Notice>
      )}
    </section>
  );
}
