import type { Metadata } from "next";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listStaffApiKeys } from "@/lib/auth/api-keys";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
import { listCouriers } from "@/lib/users/list-couriers";
import { RevokeKeyButton } from "../../settings/api-keys/api-key-forms";
import { revokeStaffApiKeyAction } from "./actions";
import { CreateStaffKeyForm } from "./staff-key-forms";

export const metadata: Metadata = { title: "Staff API keys" };

export default async function StaffApiKeysPage() {
  const actor = await requireActor(PAGES.staffApiKeys);
  const [keys, couriers, format] = await Promise.all([
    listStaffApiKeys({ actor }),
    listCouriers({ actor }),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title="Staff API keys"
        description="An admin key may do what an admin may (name the partnerId when creating a delivery); a courier key acts as that courier. Partners' keys are under API keys."
      />
      <div className="grid gap-6">
        <section aria-labelledby="new-key" className="card">
          <h2 id="new-key" className="mb-3 text-base font-semibold">
            New key
          </h2>
          <CreateStaffKeyForm couriers={couriers.filter((c) => c.active).map(({ email, name }) => ({ email, name }))} />
        </section>
        <section aria-labelledby="keys-heading" className="grid gap-3">
          <h2 id="keys-heading" className="text-base font-semibold">
            Keys
          </h2>
          {keys.length === 0 ? (
            <EmptyState title="No staff keys yet" description="Create one above for each tool or courier app." />
          ) : (
            <DataList
              testId="staff-keys-table"
              caption="Admin and courier API keys"
              rows={keys}
              rowKey={(k) => k.id}
              rowTestId={(k) => `key-${k.prefix}`}
              columns={[
                { key: "name", header: "Name", cell: (k) => <span className="font-medium">{k.name}</span> },
                {
                  key: "role",
                  header: "Acts as",
                  cell: (k) => (k.role === "COURIER" ? `Courier ${k.user?.name ?? k.user?.email ?? ""}` : "Admin"),
                },
                {
                  key: "key",
                  header: "Key",
                  cell: (k) => <span className="whitespace-nowrap font-mono">{k.prefix}…</span>,
                },
                { key: "created", header: "Created", cell: (k) => format.dateTime(k.createdAt) },
                {
                  key: "used",
                  header: "Last used",
                  cell: (k) => (k.lastUsedAt ? format.dateTime(k.lastUsedAt) : "never"),
                },
                {
                  key: "actions",
                  header: "Status",
                  srOnlyHeader: true,
                  align: "end",
                  cell: (k) =>
                    k.revokedAt ? (
                      <span className="text-slate-600">Revoked {format.dateTime(k.revokedAt)}</span>
                    ) : (
                      <RevokeKeyButton id={k.id} label={`${k.name} (${k.prefix}…)`} action={revokeStaffApiKeyAction} />
                    ),
                },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
