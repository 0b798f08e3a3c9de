// Demo sign-ins seeded on the embedded default; also printed on start and listed in the README.
export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", password: "admin1234", role: "ADMIN" as const },
  { email: "ops@acme.example", password: "partner1234", role: "PARTNER" as const, partner: "Acme Groceries" },
  { email: "ops@globex.example", password: "partner1234", role: "PARTNER" as const, partner: "Globex Pharmacy" },
  { email: "courier@example.com", password: "courier1234", role: "COURIER" as const, name: "Casey Courier" },
];
