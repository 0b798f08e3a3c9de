"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/action-toast";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SecretOnce } from "@/components/ui/secret-once";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { webhookAction, type WebhookActionState } from "./actions";

const SECRET_NOTE =
  "Copy this signing secret now: it is shown once. Verify our requests with it using a Standard Webhooks library.";

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

/** One checkbox per event type; all checked for a new endpoint. */
function EventChoices({ idPrefix, chosen, error }: { idPrefix: string; chosen: readonly string[]; error?: string }) {
  return (
    <fieldset className="grid gap-1" aria-describedby={error ? `${idPrefix}-events-error` : undefined}>
      <legend className="label">Events to receive</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`event:${type}`} defaultChecked={chosen.includes(type)} />
            <code className="font-mono">{type}</code>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${idPrefix}-events-error`} className="text-sm text-red-700" data-testid="error-events">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The form that adds an endpoint; its secret is shown once after. */
export function AddEndpointForm({ partnerId, full }: { partnerId: string; full: boolean }) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookAction, {});
  const draft = useActionFeedback("webhook-add", state);
  const values = state.values ?? draft ?? {};
  return (
    <section aria-labelledby="add-endpoint-heading" className="card grid gap-4">
      <h2 id="add-endpoint-heading" className="text-base font-semibold">
        Add an endpoint
      </h2>
      {full ? (
        <p className="text-sm text-slate-700">You have the most endpoints a partner can have; delete one first.</p>
      ) : (
        <form action={action} className="grid gap-4" data-testid="add-endpoint-form">
          <input type="hidden" name="partnerId" value={partnerId} />
          <input type="hidden" name="intent" value="create" />
          <FormField
            id="new-url"
            label="Endpoint URL"
            name="url"
            type="url"
            required
            defaultValue={values.url}
            placeholder="https://example.com/webhooks/deliveries"
            error={state.errors?.url}
            hint="An https address of your system that answers 2xx to our POST requests."
          />
          <FormField
            id="new-description"
            label="Description"
            name="description"
            maxLength={200}
            defaultValue={values.description}
            error={state.errors?.description}
          />
          <EventChoices idPrefix="new" chosen={WEBHOOK_EVENT_TYPES} error={state.errors?.events} />
          <div>
            <Button type="submit" variant="primary" disabled={pending}>
              Add endpoint
            </Button>
          </div>
        </form>
      )}
      {state.result?.secret && <SecretOnce secret={state.result.secret} note={SECRET_NOTE} />}
    </section>
  );
}

export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
}

/** One endpoint: edit it, send a test event, replay what it missed, rotate its secret, delete it. */
export function EndpointForm({
  partnerId,
  endpoint,
  missed = 0,
}: {
  partnerId: string;
  endpoint: EndpointView;
  /** Events the endpoint missed while disabled, offered for replay once it is enabled again. */
  missed?: number;
}) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookAction, {});
  const draft = useActionFeedback(`webhook-${endpoint.id}`, state);
  const [secret, setSecret] = useState<string | null>(null);
  const values = state.values ?? draft ?? {};
  const p = `ep-${endpoint.id}`;
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-4" data-testid="webhook-form">
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="endpointId" value={endpoint.id} />
        <FormField
          id={`${p}-url`}
          label="Endpoint URL"
          name="url"
          type="url"
          defaultValue={values.url ?? endpoint.url}
          error={state.errors?.url}
        />
        <FormField
          id={`${p}-description`}
          label="Description"
          name="description"
          maxLength={200}
          defaultValue={values.description ?? endpoint.description ?? ""}
          error={state.errors?.description}
        />
        <EventChoices idPrefix={p} chosen={endpoint.events} error={state.errors?.events} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" disabled={pending}>
            Save and enable
          </Button>
          <Button type="submit" name="intent" value="test" disabled={pending} formNoValidate>
            Send test event
          </Button>
          {missed > 0 && endpoint.enabled && (
            <Button type="submit" name="intent" value="replay" disabled={pending} formNoValidate>
              Replay {missed} missed event{missed === 1 ? "" : "s"}
            </Button>
          )}
        </div>
        {state.result?.test && <TestResultPanel test={state.result.test} />}
      </form>
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog<WebhookActionState>
          trigger="Rotate signing secret"
          triggerLabel={`Rotate signing secret of ${endpoint.url}`}
          title="Rotate the signing secret?"
          description={
            <>
              <p>
                A new secret signs from now on. For 24 hours we sign with both, so your endpoint keeps verifying while
                you switch it to the new one.
              </p>
              <p className="mt-2">The new secret is shown once you confirm.</p>
            </>
          }
          confirm="Rotate secret"
          pendingText="Rotating…"
          action={webhookAction}
          hidden={{ partnerId, endpointId: endpoint.id, intent: "rotate" }}
          onAnswer={(s) => setSecret(s.result?.secret ?? null)}
          testId={`rotate-secret-${endpoint.id}`}
        />
        <ConfirmDialog<WebhookActionState>
          trigger="Delete endpoint"
          triggerLabel={`Delete endpoint ${endpoint.url}`}
          title="Delete this endpoint?"
          description={<p>We stop sending events to {endpoint.url}, and its message log is deleted.</p>}
          confirm="Delete endpoint"
          pendingText="Deleting…"
          danger
          action={webhookAction}
          hidden={{ partnerId, endpointId: endpoint.id, intent: "delete" }}
          testId={`delete-endpoint-${endpoint.id}`}
        />
      </div>
      {secret && <SecretOnce secret={secret} note={SECRET_NOTE} />}
    </div>
  );
}

/** Sends one logged message again (same webhook-id). */
export function ResendButton({
  partnerId,
  endpointId,
  messageId,
  label,
}: {
  partnerId: string;
  endpointId: string;
  messageId: string;
  label: string;
}) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookAction, {});
  useActionFeedback(`resend-${messageId}`, state);
  return (
    <form action={action}>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" name="intent" value="resend" size="sm" disabled={pending} aria-label={label}>
        Resend
      </Button>
    </form>
  );
}
