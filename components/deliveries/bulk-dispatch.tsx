"use client";

// Dispatch at volume on the deliveries table: rows ticked on this page, or every row of the view
// ("all matching", each with the version shown then), and one action for all of them through the
// bulk API. Each row's outcome comes back; skipped rows are named with why, and stay ticked.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Notice } from "@/components/notice";
import { DeliveriesTable, type DeliveryTableRow } from "@/components/deliveries/deliveries-table";
import { useApiClient, type ApiResult } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormState } from "@/lib/api/form-action";
import type { BulkResponse, BulkResult } from "@/lib/deliveries/bulk-schemas";
import { LIMITS, type DeliverySort } from "@/lib/deliveries/schemas";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { ListTotal } from "@/lib/core/pagination";

type SelectMatchingState = FormState<{ items: { id: string; version: number }[]; total: ListTotal }>;

interface Props {
  rows: DeliveryTableRow[];
  sort: DeliverySort;
  couriers: { id: string; name: string }[];
  /** The view's row count, formatted, and whether it is more than one request may hold. */
  total: { count: number; label: string } | null;
  limit: number;
  /** The page's query string, for "select all matching". */
  view: string;
  selectMatching: (state: SelectMatchingState, form: FormData) => Promise<SelectMatchingState>;
}

type Selection = Map<string, number>;

const VERBS = { assign: "Assigned", unassign: "Unassigned", cancel: "Cancelled" } as const;
type Kind = keyof typeof VERBS;

function why(result: BulkResult): string {
  const now = result.status ? `now ${STATUS_LABELS[result.status as DeliveryStatus].toLowerCase()}` : "";
  switch (result.problem?.code) {
    case "changed":
      return `changed since this page was loaded (${now})`;
    case "invalid_transition":
      return `not possible: it is ${now.slice(4)}`;
    case "not_found":
      return "no longer found";
    default:
      return result.problem?.detail ?? "skipped";
  }
}

export function BulkDispatch({ rows, sort, couriers, total, limit, view, selectMatching }: Props) {
  const router = useRouter();
  const api = useApiClient();
  const [selected, setSelected] = useState<Selection>(new Map());
  const [courier, setCourier] = useState("");
  const [outcome, setOutcome] = useState<{ kind: Kind; response: BulkResponse } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const more = total !== null && total.count > rows.length;

  const items = () => [...selected].map(([id, version]) => ({ id, version }));

  /** Sends one bulk request; null when it did not get an answer (the error is shown). */
  async function send(kind: Kind, body: Record<string, unknown>): Promise<ApiResult<BulkResponse>> {
    setError(null);
    const path = kind === "cancel" ? "/api/v1/deliveries/bulk-cancellations" : "/api/v1/deliveries/bulk-assignments";
    const result = await api.send<BulkResponse>(
      path,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      { id: "bulk-dispatch", values: {} },
    );
    if (result.ok) {
      setOutcome({ kind, response: result.data });
      // Rows that went through leave the selection; skipped ones stay, for a second look.
      setSelected(
        new Map(result.data.data.filter((r) => r.outcome === "skipped" && r.version).map((r) => [r.id, r.version!])),
      );
      router.refresh();
    } else if (result.reason === "network") {
      setError("Couldn’t reach the server; nothing was changed that we know of. Your selection is kept — try again.");
    } else if (result.reason === "problem") {
      setError(result.message);
    }
    return result;
  }

  const run = (kind: "assign" | "unassign") =>
    startTransition(async () => {
      await send(kind, { items: items(), assigneeId: kind === "assign" ? courier : null });
    });

  const cancel = async (_state: FormState, form: FormData): Promise<FormState> => {
    const result = await send("cancel", { items: items(), reason: String(form.get("reason") ?? "") });
    if (result.ok) return { at: Date.now() };
    const values = { reason: String(form.get("reason") ?? "") };
    if (result.reason === "problem" && result.errors.some((e) => e.path === "reason")) {
      return { values, errors: { reason: result.errors.find((e) => e.path === "reason")!.message }, at: Date.now() };
    }
    if (result.reason === "signed-out") return { values, signedOut: true, at: Date.now() };
    return { values, error: result.message, at: Date.now() };
  };

  const selectAllMatching = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set("view", view);
      const state = await selectMatching({}, form);
      if (state.result) {
        setSelected(new Map(state.result.items.map((i) => [i.id, i.version])));
        setError(null);
      } else setError(state.error ?? "The view could not be selected; reload the page.");
    });

  const n = selected.size;
  const skipped = outcome?.response.data.filter((r) => r.outcome === "skipped") ?? [];
  const done = outcome ? outcome.response.summary.applied + outcome.response.summary.unchanged : 0;

  return (
    <>
      <section aria-label="Bulk actions" className="card grid gap-3" data-testid="bulk-bar">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p aria-live="polite" data-testid="bulk-count" className="font-medium">
            {n === 0 ? "No deliveries selected" : `${n.toLocaleString("en")} selected`}
          </p>
          {allOnPage && more && (
            <Button
              size="sm"
              variant="ghost"
              onClick={selectAllMatching}
              disabled={pending}
              data-testid="select-matching"
            >
              {total!.count > limit
                ? `Select the first ${limit.toLocaleString("en")} of ${total!.label} matching`
                : `Select all ${total!.label} matching`}
            </Button>
          )}
          {n > 0 && (
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Map())}>
              Clear selection
            </Button>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="bulk-courier" className="label">
              Courier for the selection
            </label>
            <select
              id="bulk-courier"
              className="input mt-1"
              value={courier}
              onChange={(e) => setCourier(e.target.value)}
            >
              <option value="">Choose a courier</option>
              {couriers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Button onClick={() => run("assign")} disabled={pending || n === 0 || !courier} data-testid="bulk-assign">
            Assign
          </Button>
          <Button
            variant="ghost"
            onClick={() => run("unassign")}
            disabled={pending || n === 0}
            data-testid="bulk-unassign"
          >
            Unassign
          </Button>
          {n > 0 && (
            <ConfirmDialog
              trigger="Cancel…"
              triggerVariant="secondary"
              title={`Cancel ${n.toLocaleString("en")} ${n === 1 ? "delivery" : "deliveries"}?`}
              description="Each one becomes Cancelled with this reason in its history. This cannot be undone."
              confirm="Cancel them"
              pendingText="Cancelling…"
              danger
              action={cancel}
              hidden={{}}
              testId="bulk-cancel"
              validate={(form): Record<string, string> =>
                String(form.get("reason") ?? "").trim() ? {} : { reason: "Required" }
              }
              fields={({ errors, values }) => (
                <div>
                  <label htmlFor="bulk-reason" className="label">
                    Reason
                  </label>
                  <textarea
                    id="bulk-reason"
                    name="reason"
                    rows={3}
                    maxLength={LIMITS.reason}
                    defaultValue={values.reason ?? ""}
                    aria-invalid={errors.reason ? true : undefined}
                    aria-describedby={errors.reason ? "bulk-reason-error" : undefined}
                    className="input mt-1"
                  />
                  {errors.reason && (
                    <p id="bulk-reason-error" className="mt-1 text-sm text-red-700">
                      {errors.reason}
                    </p>
                  )}
                </div>
              )}
            />
          )}
        </div>
        {error && (
          <Notice tone="error" testId="bulk-error">
            {error}
          </Notice>
        )}
        {outcome && (
          <Notice tone={skipped.length ? "warning" : "success"} testId="bulk-outcome">
            <p>
              {VERBS[outcome.kind]} {done.toLocaleString("en")} of {outcome.response.data.length.toLocaleString("en")}.
              {skipped.length > 0 && ` Skipped ${skipped.length.toLocaleString("en")}, left as they were:`}
            </p>
            {skipped.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {skipped.map((r) => (
                  <li key={r.id} data-testid="bulk-skipped">
                    {r.trackingCode ? (
                      <Link href={`/deliveries/${r.id}`} className="link code">
                        {r.trackingCode}
                      </Link>
                    ) : (
                      <span className="code">{r.id}</span>
                    )}{" "}
                    — {why(r)}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </section>
      <DeliveriesTable
        rows={rows}
        sort={sort}
        showPartner
        selection={{
          isSelected: (id) => selected.has(id),
          toggle: (row) =>
            setSelected((prev) => {
              const next = new Map(prev);
              if (next.has(row.id)) next.delete(row.id);
              else next.set(row.id, row.version);
              return next;
            }),
          allOnPage,
          togglePage: () =>
            setSelected((prev) => {
              const next = new Map(prev);
              for (const r of rows) {
                if (allOnPage) next.delete(r.id);
                else next.set(r.id, r.version);
              }
              return next;
            }),
        }}
      />
    </>
  );
}
