"use client";

// Filters on a phone: one button with the number of active filters, the form behind it. From the
// `md` breakpoint on, the form is always shown and the button is not.
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";

export function FilterDisclosure({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="grid gap-3">
      <button
        type="button"
        className={buttonClass("secondary", "md", "w-full md:hidden")}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="filters-toggle"
      >
        {open ? "Hide filters" : "Filters"}
        {active > 0 && (
          <span className="rounded-full bg-blue-700 px-2 py-0.5 text-xs text-white" data-testid="filters-count">
            {active}
            <span className="sr-only"> active</span>
          </span>
        )}
      </button>
      <div id={id} className={open ? "block" : "hidden md:block"}>
        {children}
      </div>
    </div>
  );
}
