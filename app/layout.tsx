import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import { TimeZoneSync } from "@/components/ui/time-zone-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Delivery platform", template: "%s · Delivery platform" },
  description: "Submit, follow and manage deliveries.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
        <TimeZoneSync />
        {/* At the bottom: a toast never covers the header and its navigation. */}
        <Toaster position="bottom-right" richColors closeButton />
      </body>
    </html>
  );
}
