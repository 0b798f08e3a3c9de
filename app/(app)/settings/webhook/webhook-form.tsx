"use client";

import { useActionState } from "react";
import { webhookAction, type WebhookActionState } from "./actions";

export function WebhookForm({
  partnerId,
  url,
  hasEndpoint,
  missed = 0,
}: {
  partnerId?: string;
  url: string;
  hasEndpoint: boolean;
  /** Events the endpoint missed while disabled, offered for replay once it is enabled again. */
  missed?: number;
}) {
  const [state, action, pending] = useActionState<WebhookActionState, FormData>(webhookAction, {});
  const error = state.result?.failed ? state.ok : (state.errors?.url ?? state.error);
  return (
    <form action={action} className="stack" style={{ maxWidth: "40rem" }}>
      {partnerId && <input type="hidden" name="partnerId" value={partnerId} />}
      <label>
        Endpoint URL
        <input
          name="url"
          type="url"
          defaultValue={url}
          placeholder="https://example.com/webhooks/deliveries"
          required={false}
        />
      </label>
      <div style={{ display: "flex", gap: ".5rem", flexWrap: "wrap" }}>
        <button type="submit" name="intent" value="save" disabled={pending}>
          Save and enable
        </button>
        {hasEndpoint && (
          <>
            <button type="submit" name="intent" value="test" disabled={pending} formNoValidate>
              Send test event
            </button>
            <button type="submit" name="intent" value="reveal" disabled={pending} formNoValidate>
              Reveal signing secret
            </button>
            <button type="submit" name="intent" value="rotate" disabled={pending} formNoValidate>
              Rotate signing secret
            </button>
            {missed > 0 && (
              <button type="submit" name="intent" value="replay" disabled={pending} formNoValidate>
                Replay {missed} missed event{missed === 1 ? "" : "s"}
              </button>
            )}
          </>
        )}
      </div>
      <div aria-live="polite">
        {state.ok && !state.result?.failed && <p data-testid="webhook-message">{state.ok}</p>}
        {error && (
          <p className="error" data-testid="webhook-error">
            {error}
          </p>
        )}
        {state.result?.secret && (
          <p>
            Signing secret: <code data-testid="webhook-secret">{state.result.secret}</code>
          </p>
        )}
      </div>
    </form>
  );
}
