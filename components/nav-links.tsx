"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkProgress } from "@/components/ui/progress-bar";

export interface NavItem {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string, items: NavItem[]) {
  if (pathname === href) return true;
  // The most specific matching item wins (/deliveries/new over /deliveries).
  const matches = items.filter((i) => pathname.startsWith(`${i.href}/`) || pathname === i.href);
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href === href;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = isCurrent(pathname, item.href, items);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                current ? "bg-blue-50 text-blue-800" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {item.label}
              <LinkProgress />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
