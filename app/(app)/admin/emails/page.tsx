import type { Metadata } from "next";
import Link from "next/link";
import { EmailStatusBadge } from "@/components/admin/email-status";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listEmails } from "@/lib/email/list-emails";
import { getFormatter } from "@/lib/format-request";

export const metadata: Metadata = { title: "Emails" };
export const dynamic = "force-dynamic";

// /admin/emails – every message the platform sent or logged, newest first, 100 a page (admins only)
export default async function EmailsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireActor(PAGES.emails);
  const { cursor } = await searchParams;
  const [page, format] = await Promise.all([
    listEmails({ actor, cursor: typeof cursor === "string" ? cursor : undefined }),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title="Emails"
        description={
          <>
            Every message the platform sent, newest first. Without <code className="font-mono">RESEND_API_KEY</code>{" "}
            messages are not sent but logged; open one to read it.
          </>
        }
      />
      {page.data.length === 0 ? (
        <EmptyState title="No emails yet" description="Emails appear here as deliveries are created and change." />
      ) : (
        <div className="grid gap-4">
          <DataList
            testId="emails-table"
            caption="Emails, newest first"
            rows={page.data}
            rowKey={(e) => e.id}
            columns={[
              {
                key: "subject",
                header: "Subject",
                cell: (e) => (
                  <Link href={`/admin/emails/${e.id}`} className="link">
                    {e.subject}
                  </Link>
                ),
              },
              { key: "to", header: "To", cell: (e) => <span className="break-all">{e.to}</span> },
              { key: "status", header: "Status", cell: (e) => <EmailStatusBadge status={e.status} /> },
              {
                key: "when",
                header: "When",
                cell: (e) => <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt)}</time>,
              },
            ]}
          />
          <Pager
            prevHref={null}
            firstHref={page.atStart ? null : "/admin/emails"}
            nextHref={page.nextCursor ? `/admin/emails?cursor=${page.nextCursor}` : null}
            shown={`${format.number(page.data.length)} shown`}
            total={`${format.number(page.total.count)}${page.total.capped ? "+" : ""} in all`}
          />
        </div>
      )}
    </>
  );
}
