import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getEmail } from "@/lib/email/list-emails";

export const metadata: Metadata = { title: "Email" };
export const dynamic = "force-dynamic";

// /admin/emails/[id] – one message as the recipient sees it, and its plain-text part
export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(PAGES.emails, `/admin/emails/${id}`);
  const email = await orNotFound(getEmail({ actor, id }));
  return (
    <div className="grid gap-4">
      <p>
        <Link href="/admin/emails">← All emails</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl>
        <dt>To</dt>
        <dd data-testid="email-to">{email.to}</dd>
        <dt>Status</dt>
        <dd>
          {email.status}
          {email.error ? ` — ${email.error}` : ""}
        </dd>
        <dt>Template</dt>
        <dd>{email.template}</dd>
        <dt>Created</dt>
        <dd>{email.createdAt.toISOString()}</dd>
      </dl>
      <h2>Rendered</h2>
      {/* The stored HTML is shown in a sandbox with no scripts and no same-origin access. */}
      <iframe
        title={`Email: ${email.subject}`}
        sandbox=""
        srcDoc={email.html}
        style={{ width: "100%", height: "32rem", border: "1px solid #8884" }}
      />
      <h2>Plain text</h2>
      <pre data-testid="email-text" style={{ whiteSpace: "pre-wrap" }}>
        {email.text}
      </pre>
    </div>
  );
}
