import type { Metadata } from "next";
import Link from "next/link";
import { ImportUpload } from "@/components/imports/import-upload";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getFormatter } from "@/lib/format-request";
import { listImports } from "@/lib/imports/list-imports";
import { IMPORT_STATUS_LABELS } from "@/lib/imports/status-labels";
import { listPartners } from "@/lib/partners/list-partners";

export const metadata: Metadata = { title: "Import deliveries" };

// /deliveries/import – upload a CSV file (staff: for a partner they choose) and see past imports
export default async function ImportsPage() {
  const actor = await requireActor(PAGES.imports);
  const onBehalf = can(actor, "deliveries.createOnBehalf");
  const [imports, partners, fmt] = await Promise.all([
    listImports({ actor }),
    onBehalf ? listPartners({ actor }) : null,
    getFormatter(),
  ]);

  return (
    <>
      <PageHeader
        title="Import deliveries"
        back={{ href: PAGES.deliveries.href, label: "Deliveries" }}
        description="Hand over a day's deliveries as one CSV file. Uploading the same file again is harmless: rows already created are recognised and not created twice."
        actions={
          <a href="/api/v1/imports/template.csv" className={buttonClass("secondary")} download>
            Download template
          </a>
        }
      />
      <div className="grid gap-6">
        <ImportUpload partners={partners?.filter((p) => p.active) ?? null} />
        <section aria-labelledby="past-imports" className="grid gap-3">
          <h2 id="past-imports" className="text-lg font-semibold">
            Recent imports
          </h2>
          {imports.length === 0 ? (
            <EmptyState
              title="No imports yet"
              description="Files you upload are listed here with what they created."
              testId="imports-empty"
            />
          ) : (
            <div className="card overflow-x-auto p-0 sm:p-0">
              <table className="w-full text-left text-sm" data-testid="imports-table">
                <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      File
                    </th>
                    {onBehalf && (
                      <th scope="col" className="px-4 py-2">
                        Partner
                      </th>
                    )}
                    <th scope="col" className="px-4 py-2">
                      Uploaded
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Status
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Rows
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Created
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Already existed
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Failed
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {imports.map((i) => (
                    <tr key={i.id}>
                      <td className="px-4 py-2">
                        <Link href={`/deliveries/import/${i.id}`} className="link break-all">
                          {i.fileName ?? "Untitled file"}
                        </Link>
                      </td>
                      {onBehalf && <td className="px-4 py-2">{i.partnerName}</td>}
                      <td className="whitespace-nowrap px-4 py-2">
                        <time dateTime={i.createdAt}>{fmt.dateTime(i.createdAt)}</time>
                      </td>
                      <td className="px-4 py-2">{IMPORT_STATUS_LABELS[i.status]}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{fmt.number(i.totalRows)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{fmt.number(i.created)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{fmt.number(i.existed)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{fmt.number(i.failed + i.invalidRows)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
