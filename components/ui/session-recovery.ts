"use client";

// Forms never lose work to an ended session: when an action answers `signedOut`, what was typed
// is kept in sessionStorage (this tab only, gone with it), the user signs in again and comes back
// to the same page, and the form (or dialog) fills itself in from the draft.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { toast } from "sonner";

const PREFIX = "draft:";

interface Draft {
  path: string;
  values: Record<string, string>;
}

const here = () => `${window.location.pathname}${window.location.search}`;

/** Keeps `values` for the form `id` on this page; returns where to sign in and come back here. */
export function keepDraft(id: string, values: Record<string, string>): string {
  // A password is never written to storage: it is typed again.
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
  const draft: Draft = { path: here(), values: kept };
  try {
    window.sessionStorage.setItem(PREFIX + id, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: signing in again still beats an error page.
  }
  toast.info("Your session has ended. Sign in again to continue: what you typed is kept.");
  return `/sign-in?callbackUrl=${encodeURIComponent(here())}`;
}

/**
 * The draft kept for the form `id` on the page `path`, removed from storage; null when none.
 * `path` comes from the router: while a navigation renders, window.location is still the old page.
 */
export function takeDraft(id: string, path: string): Record<string, string> | null {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + id);
    if (!raw) return null;
    window.sessionStorage.removeItem(PREFIX + id);
    const draft = JSON.parse(raw) as Draft;
    return draft.path === path ? draft.values : null;
  } catch {
    return null;
  }
}

// A draft is taken from storage once per page view: the same object on every render.
const taken = new Map<string, Record<string, string> | null>();
const never = () => () => {};

/** The draft kept for the form `id` on this page, taken once per page view; null on the server. */
export function useDraft(id: string): Record<string, string> | null {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const path = search ? `${pathname}?${search}` : pathname;
  const draft = useSyncExternalStore(
    never,
    () => {
      if (!taken.has(id)) taken.set(id, takeDraft(id, path));
      return taken.get(id) ?? null;
    },
    () => null,
  );
  useEffect(() => () => void taken.delete(id), [id]);
  return draft;
}

/**
 * For a form with its own action state: `signedOut` keeps the draft and goes to sign in; on the
 * way back, the draft is returned (null on the server, and when there is none).
 */
export function useSessionRecovery(
  id: string,
  state: { signedOut?: boolean; values?: Record<string, string>; at?: number },
): Record<string, string> | null {
  const router = useRouter();
  useEffect(() => {
    if (state.signedOut) router.push(keepDraft(id, state.values ?? {}));
  }, [id, state, router]);
  return useDraft(id);
}
