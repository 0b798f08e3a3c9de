import type { Metadata } from "next";
import { EmailStatusBadge } from "@/components/admin/email-status";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getEmail } from "@/lib/email/list-emails";
import { getFormatter } from "@/lib/format-request";

export const metadata: Metadata = { title: "Email" };
export const dynamic = "force-dynamic";

// /admin/emails/[id] – one message as the recipient sees it, and its plain-text part
export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(PAGES.emails, `/admin/emails/${id}`);
  const email = await orNotFound(getEmail({ actor, id }));
  const format = await getFormatter();
  const fields: [string, React.ReactNode][] = [
    [
      "To",
      <span key="to" data-testid="email-to" className="break-all">
        {email.to}
      </span>,
    ],
    ["Status", <EmailStatusBadge key="status" status={email.status} />],
    ["Template", email.template],
    ["Created", format.dateTime(email.createdAt)],
  ];
  return (
    <>
      <PageHeader title={email.subject} back={{ href: "/admin/emails", label: "All emails" }} />
      <div className="grid gap-6">
        <section className="card" aria-label="Message details">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
                <dd className="mt-0.5 text-sm">{value}</dd>
              </div>
            ))}
          </dl>
          {email.error && <p className="mt-3 break-words text-sm text-red-700">Sending failed: {email.error}</p>}
        </section>
        <section aria-labelledby="rendered-heading" className="grid gap-2">
          <h2 id="rendered-heading" className="section-title">
            As the recipient sees it
          </h2>
          {/* The stored HTML is shown in a sandbox with no scripts and no same-origin access. */}
          <iframe
            title={`Email: ${email.subject}`}
            sandbox=""
            srcDoc={email.html}
            className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
          />
        </section>
        <section aria-labelledby="text-heading" className="grid gap-2">
          <h2 id="text-heading" className="section-title">
            Plain text
          </h2>
          <pre data-testid="email-text" className="card overflow-x-auto whitespace-pre-wrap break-words text-sm">
            {email.text}
          </pre>
        </section>
      </div>
    </>
  );
}
