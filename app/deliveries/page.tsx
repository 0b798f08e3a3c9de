import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor, signOut } from "@/lib/auth";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { formatDate } from "@/lib/deliveries/serialize";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage() {
  const actor = await sessionActor();
  if (!actor || actor.kind !== "USER") redirect("/sign-in?callbackUrl=/deliveries");
  const showPartner = can(actor, "deliveries.readAll");
  const { data } = await listDeliveries({ actor, query: listDeliveriesQuerySchema.parse({ limit: 50 }) });
  return (
    <>
      <header className="top">
        <strong>Delivery platform</strong>
        <span>
          <span data-testid="signed-in-as">{actor.email}</span> ({actor.role.toLowerCase()}){" "}
          <form
            style={{ display: "inline" }}
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/sign-in" });
            }}
          >
            <button type="submit">Sign out</button>
          </form>
        </span>
      </header>
      <main>
        <h1>Deliveries</h1>
        {data.length === 0 ? (
          <p className="muted">No deliveries yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Tracking code</th>
                <th scope="col">Status</th>
                <th scope="col">Recipient</th>
                <th scope="col">Delivery date</th>
                {showPartner && <th scope="col">Partner</th>}
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.id}>
                  <td>{d.trackingCode}</td>
                  <td>{d.status}</td>
                  <td>{d.recipientName}</td>
                  <td>{formatDate(d.deliveryDate)}</td>
                  {showPartner && <td>{d.partner.name}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
