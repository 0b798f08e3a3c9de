import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listEmails } from "@/lib/email/list-emails";

export const metadata: Metadata = { title: "Emails" };
export const dynamic = "force-dynamic";

// /admin/emails – every message the platform sent or logged, newest first (admins only)
export default async function EmailsPage() {
  const actor = await requireActor(PAGES.emails);
  const emails = await listEmails({ actor });
  return (
    <div className="grid gap-4">
      <h1>Emails</h1>
      <p className="muted">
        Without <code>RESEND_API_KEY</code> messages are not sent but stored as LOGGED; open one to read it.
      </p>
      {emails.length === 0 ? (
        <p className="muted">No emails yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Template</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.createdAt.toISOString()}>
                    {e.createdAt.toISOString().replace("T", " ").slice(0, 16)}
                  </time>
                </td>
                <td>{e.to}</td>
                <td>
                  <Link href={`/admin/emails/${e.id}`}>{e.subject}</Link>
                </td>
                <td>{e.template}</td>
                <td title={e.error ?? undefined}>{e.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
