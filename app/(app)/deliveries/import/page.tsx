import type { Metadata } from "next";
import Link from "next/link";
import { ImportUpload } from "@/components/imports/import-upload";
import { buttonClass } from "@/components/ui/button";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getFormatter } from "@/lib/format-request";
import { listImports } from "@/lib/imports/list-imports";
import { importStatusLabel } from "@/lib/imports/status-labels";
import { listPartners } from "@/lib/partners/list-partners";

export const metadata: Metadata = { title: "Import deliveries" };

type Import = Awaited<ReturnType<typeof listImports>>[number];

const COUNTS: [string, string, (i: Import) => number][] = [
  ["rows", "Rows", (i) => i.totalRows],
  ["created", "Created", (i) => i.created],
  ["existed", "Already existed", (i) => i.existed],
  ["failed", "Failed", (i) => i.failed + i.invalidRows],
];

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
            <DataList
              caption="Recent imports"
              testId="imports-table"
              rows={imports}
              rowKey={(i) => i.id}
              columns={[
                {
                  key: "file",
                  header: "File",
                  cell: (i) => (
                    <Link href={`/deliveries/import/${i.id}`} className="link break-all">
                      {i.fileName ?? "Untitled file"}
                    </Link>
                  ),
                },
                ...(onBehalf ? [{ key: "partner", header: "Partner", cell: (i: Import) => i.partnerName }] : []),
                {
                  key: "uploaded",
                  header: "Uploaded",
                  cell: (i) => <time dateTime={i.createdAt}>{fmt.dateTime(i.createdAt)}</time>,
                },
                { key: "status", header: "Status", cell: (i) => importStatusLabel(i) },
                ...COUNTS.map(([key, header, count]) => ({
                  key,
                  header,
                  align: "end" as const,
                  className: "tabular-nums",
                  cell: (i: Import) => fmt.number(count(i)),
                })),
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
