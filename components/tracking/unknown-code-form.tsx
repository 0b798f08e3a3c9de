"use client";

// The code box on the "not found" page, holding the code that was not found, so a typo is fixed
// in place rather than typed again. A not-found page gets no params: the code is the path's end.
import { usePathname } from "next/navigation";
import { TrackCodeForm } from "@/components/tracking/track-code-form";

export function UnknownCodeForm() {
  const last = usePathname().split("/").pop() ?? "";
  let typed = "";
  try {
    typed = decodeURIComponent(last);
  } catch {
    // A malformed escape: start from an empty box.
  }
  return <TrackCodeForm defaultValue={typed.slice(0, 40)} />;
}
