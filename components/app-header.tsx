import Link from "next/link";
import { signOut } from "@/lib/auth";
import type { UserActor } from "@/lib/auth/page-guard";
import { homeFor, navFor, PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { NavLinks } from "@/components/nav-links";
import { NotificationsBell } from "@/components/notifications-bell";
import { Button } from "@/components/ui/button";

export function AppHeader({ actor, partnerName }: { actor: UserActor; partnerName: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={homeFor(actor)} className="text-base font-semibold text-slate-900">
          Delivery platform
        </Link>
        <div className="flex items-center gap-3 text-sm">
          {can(actor, PAGES.notifications.permission) && <NotificationsBell />}
          <span className="text-right leading-tight">
            <span data-testid="signed-in-as" className="block font-medium">
              {actor.email}
            </span>
            <span data-testid="signed-in-org" className="block text-xs text-slate-600">
              {partnerName ?? (can(actor, "deliveries.assignedOnly") ? "Courier" : "Platform admin")}
            </span>
          </span>
          <form
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/sign-in" });
            }}
          >
            <Button type="submit">Sign out</Button>
          </form>
        </div>
      </div>
      <nav aria-label="Main" className="mx-auto max-w-6xl px-4 pb-2">
        <NavLinks items={navFor(actor)} />
      </nav>
    </header>
  );
}
