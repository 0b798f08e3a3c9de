import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { LiveEvents } from "@/components/live/live-events";
import { currentActor } from "@/lib/auth/page-guard";
import { getPartner } from "@/lib/partners/get-partner";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The proxy already sent signed-out visitors to sign-in; this catches sessions of accounts
  // deactivated since they signed in.
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const partner = actor.partnerId ? await getPartner({ actor, id: actor.partnerId }) : null;
  return (
    <>
      <LiveEvents />
      <AppHeader actor={actor} partnerName={partner?.name ?? null} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
