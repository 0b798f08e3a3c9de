import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createFormatter, DEFAULT_PREFS, parseLocale, parseTimeZone } from "@/lib/core/format";

/** The cookie the browser sets with its time zone (components/ui/time-zone-sync.tsx). */
export const TIME_ZONE_COOKIE = "tz";

/** The viewer's formatter: locale from Accept-Language, time zone from the browser's cookie. */
export const getFormatter = cache(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return createFormatter({
    locale: parseLocale(headerStore.get("accept-language")) ?? DEFAULT_PREFS.locale,
    timeZone: parseTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value) ?? DEFAULT_PREFS.timeZone,
  });
});
