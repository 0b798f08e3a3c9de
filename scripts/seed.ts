// Demo data for the embedded default (DESIGN §10): one admin, a courier, two partners with one user
// each, and deliveries in every status with their history. Runs only on an empty database.
import { resolveDatabase } from "./lib/database.ts";
import { DEMO_ACCOUNTS } from "./lib/demo-accounts.ts";

const STREETS = ["Market St", "Elm Rd", "Harbour Way", "King's Road", "Station Ave", "Mill Lane"];
const PEOPLE = [
  "Ada Lovelace",
  "Grace Hopper",
  "Alan Turing",
  "Katherine Johnson",
  "Edsger Dijkstra",
  "Barbara Liskov",
];

async function seed() {
  const { db } = await import("@/lib/db");
  const { createPartner } = await import("@/lib/partners/create-partner");
  const { createUser } = await import("@/lib/users/create-user");
  const { createDelivery } = await import("@/lib/deliveries/create-delivery");
  const { transitionDelivery } = await import("@/lib/deliveries/transition-delivery");
  const { assignDelivery } = await import("@/lib/deliveries/assign-delivery");
  const { OPERATOR_ACTOR: operator } = await import("@/lib/auth/actor");
  type Actor = import("@/lib/auth/actor").Actor;

  if ((await db.user.count()) > 0) return false;
  const admin = await createUser({ actor: operator, input: { ...DEMO_ACCOUNTS[0], name: "Demo Admin" } });
  const adminActor: Actor = { kind: "USER", id: admin.id, role: "ADMIN", partnerId: null, email: admin.email };
  const courierAccount = DEMO_ACCOUNTS.find((a) => a.role === "COURIER")!;
  const courier = await createUser({
    actor: operator,
    input: {
      email: courierAccount.email,
      password: courierAccount.password,
      role: "COURIER",
      name: courierAccount.name,
    },
  });
  const courierActor: Actor = { kind: "USER", id: courier.id, role: "COURIER", partnerId: null, email: courier.email };

  const paths: {
    status: string;
    steps: { status: "ASSIGNED" | "IN_TRANSIT" | "COMPLETED" | "FAILED" | "CANCELLED"; reason?: string }[];
  }[] = [
    { status: "CREATED", steps: [] },
    { status: "ASSIGNED", steps: [{ status: "ASSIGNED" }] },
    // Nothing goes IN_TRANSIT without a courier: every delivery on its way was assigned first.
    { status: "IN_TRANSIT", steps: [{ status: "ASSIGNED" }, { status: "IN_TRANSIT" }] },
    { status: "COMPLETED", steps: [{ status: "ASSIGNED" }, { status: "IN_TRANSIT" }, { status: "COMPLETED" }] },
    {
      status: "FAILED",
      steps: [
        { status: "ASSIGNED" },
        { status: "IN_TRANSIT" },
        { status: "FAILED", reason: "Recipient not reachable" },
      ],
    },
    { status: "CANCELLED", steps: [{ status: "CANCELLED", reason: "Order withdrawn by the shop" }] },
  ];

  let n = 0;
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role === "PARTNER")) {
    const partner = await createPartner({
      actor: operator,
      input: { name: account.partner!, contactEmail: account.email },
    });
    const user = await createUser({
      actor: operator,
      input: { email: account.email, password: account.password, role: "PARTNER", partnerId: partner.id },
    });
    const actor: Actor = { kind: "USER", id: user.id, role: "PARTNER", partnerId: partner.id, email: user.email };
    for (const path of [...paths, ...paths]) {
      n++;
      const date = new Date(Date.now() + (n % 7) * 86_400_000).toISOString().slice(0, 10);
      const { delivery } = await createDelivery({
        actor,
        input: {
          pickupAddress: `${n} ${STREETS[n % STREETS.length]}, Springfield`,
          dropoffAddress: `${n * 3} ${STREETS[(n + 2) % STREETS.length]}, Shelbyville`,
          recipientName: PEOPLE[n % PEOPLE.length],
          recipientEmail: `recipient${n}@example.com`,
          productName: ["Groceries", "Prescription", "Flowers", "Books"][n % 4],
          packageWeightKg: 0.5 + (n % 9),
          deliveryDate: date,
          externalReference: `ORD-${1000 + n}`,
        },
      });
      let assigned = false;
      for (const step of path.steps) {
        if (step.status === "ASSIGNED") {
          await assignDelivery({ actor: adminActor, id: delivery.id, input: { assigneeId: courier.id } });
          assigned = true;
          continue;
        }
        // The courier moves their own deliveries; the partner cancels; dispatch does the rest.
        const mover = step.status === "CANCELLED" ? actor : assigned ? courierActor : adminActor;
        await transitionDelivery({
          actor: mover,
          id: delivery.id,
          input: { status: step.status, reason: step.reason },
        });
      }
    }
  }
  await db.$disconnect();
  return true;
}

const database = await resolveDatabase(() => {});
try {
  const seeded = await seed();
  console.error(seeded ? "Seeded demo data." : "The database already has users; nothing seeded.");
} finally {
  await database.stop();
}
