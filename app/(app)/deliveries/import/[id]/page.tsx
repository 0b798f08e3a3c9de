import { Figure } from "@/components/ui/figure";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ImportProgress } from "@/components/imports/import-progress";
import { Notice } from "@/components/notice";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
import { getImport, getImportPlan } from "@/lib/imports/get-import";
import type { RowError } from "@/lib/imports/parse-import";
import { confirmImportAction, discardImportAction } from "../actions";
import { DataList } from "@/components/ui/data-list";

export const metadata: Metadata = { title: "Import" };

/** Errors listed on the page; all of them are in the error CSV. */
const SHOWN_ERRORS = 50;

// /deliveries/import/[id] – the dry run (confirm), the progress, and the summary of one import
export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(PAGES.imports, `/deliveries/import/${id}`);
  const summary = await orNotFound(getImport({ actor, id }));
  const [plan, fmt] = await Promise.all([getImportPlan({ actor, id }), getFormatter()]);
  const problems = [...summary.errors, ...summary.failures].sort((a, b) => a.row - b.row);
  const validated = summary.status === "VALIDATED";
  const n = fmt.number;

  return (
    <>
      <PageHeader
        title={summary.fileName ?? "Import"}
        back={{ href: PAGES.imports.href, label: "Imports" }}
        description={`Uploaded ${fmt.dateTime(summary.createdAt)} for ${summary.partnerName}`}
      />
      <div className="grid gap-6">
        <section className="card grid gap-4" aria-labelledby="summary-heading" data-testid="import-summary">
          <h2 id="summary-heading" className="text-lg font-semibold">
            {validated ? "Checked, nothing created yet" : "Summary"}
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <Figure label="Rows in the file" value={n(summary.totalRows)} />
            <Figure label="Valid rows" value={n(summary.validRows)} testId="valid-rows" />
            <Figure label="Rows with errors" value={n(summary.invalidRows)} testId="invalid-rows" />
            {plan && summary.validRows > 0 && (
              <Figure label="Already exist" value={n(plan.existing)} testId="existing-rows" />
            )}
          </dl>
          {validated && plan ? (
            <>
              {summary.validRows > 0 ? (
                <>
                  <ul className="grid list-disc gap-1 pl-5 text-sm text-slate-600" data-testid="import-plan">
                    <li>
                      {plan.toCreate === 0
                        ? "No new delivery: every valid row already exists."
                        : `${n(plan.toCreate)} new ${plan.toCreate === 1 ? "delivery" : "deliveries"} will be created.`}
                    </li>
                    {plan.existing > 0 && (
                      <li>
                        {n(plan.existing)} {plan.existing === 1 ? "row already exists" : "rows already exist"} (the same
                        externalReference, or the same details) and will not be created again.
                      </li>
                    )}
                    {plan.repeated > 0 && (
                      <li>
                        {n(plan.repeated)} {plan.repeated === 1 ? "row repeats" : "rows repeat"} an earlier row of this
                        file and will be created once.
                      </li>
                    )}
                    {summary.invalidRows > 0 && (
                      <li>
                        Rows with errors will be skipped. You can also fix them and upload the corrected file: rows
                        already created are recognised and not created twice.
                      </li>
                    )}
                  </ul>
                </>
              ) : (
                <Notice tone="error">
                  No row of this file is valid, so there is nothing to create. Fix the rows below and{" "}
                  <Link href={PAGES.imports.href} className="link">
                    upload the file again
                  </Link>
                  .
                </Notice>
              )}
              <div className="flex flex-wrap gap-2">
                {plan.toCreate > 0 && (
                  <ActionButton
                    action={confirmImportAction}
                    fields={{ id: summary.id }}
                    variant="primary"
                    pendingText="Starting…"
                    feedbackId={`confirm-import-${summary.id}`}
                  >
                    Create {n(plan.toCreate)} {plan.toCreate === 1 ? "delivery" : "deliveries"}
                  </ActionButton>
                )}
                {summary.validRows > 0 && <ButtonLink href={PAGES.imports.href}>Upload a corrected file</ButtonLink>}
                <ActionButton
                  action={discardImportAction}
                  fields={{ id: summary.id }}
                  pendingText="Discarding…"
                  feedbackId={`discard-import-${summary.id}`}
                >
                  Discard
                </ActionButton>
              </div>
            </>
          ) : (
            <>
              <ImportProgress
                id={summary.id}
                locale={fmt.prefs.locale}
                initial={{
                  status: summary.status,
                  processed: summary.processed,
                  validRows: summary.validRows,
                  created: summary.created,
                  existed: summary.existed,
                  failed: summary.failed,
                }}
              />
              {summary.status === "COMPLETED" && (
                <ButtonLink href={`${PAGES.deliveries.href}?import=${summary.id}`} variant="primary" className="w-fit">
                  View deliveries
                </ButtonLink>
              )}
            </>
          )}
        </section>

        {problems.length > 0 && (
          <section className="grid gap-3" aria-labelledby="errors-heading">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="errors-heading" className="text-lg font-semibold">
                Rows with errors
              </h2>
              <a href={`/api/v1/imports/${summary.id}/errors.csv`} className={buttonClass("secondary", "sm")} download>
                Download all {n(problems.length)} errors (CSV)
              </a>
            </div>
            {problems.length > SHOWN_ERRORS && (
              <p className="text-sm text-slate-600">
                The first {SHOWN_ERRORS} of {n(problems.length)} are shown; the CSV has every one.
              </p>
            )}
            <ErrorTable errors={problems.slice(0, SHOWN_ERRORS)} />
          </section>
        )}
      </div>
    </>
  );
}

function ErrorTable({ errors }: { errors: RowError[] }) {
  return (
    <DataList
      caption="Rows with errors"
      testId="import-errors"
      rows={errors.map((error, index) => ({ ...error, index }))}
      rowKey={(e) => `${e.row}-${e.column}-${e.index}`}
      columns={[
        { key: "row", header: "Row", cell: (e) => e.row, className: "tabular-nums" },
        { key: "column", header: "Column", cell: (e) => e.column ?? "—", className: "font-mono text-xs" },
        { key: "problem", header: "Problem", cell: (e) => e.message },
      ]}
    />
  );
}
