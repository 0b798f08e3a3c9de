import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Delivery platform", template: "%s · Delivery platform" },
  description: "Submit, follow and manage deliveries.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
