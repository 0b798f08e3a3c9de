import { otherMethods } from "@/lib/api/methods";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

// GET /api/health – liveness and database reachability
export const GET = withApi({ public: true }, async () => {
  if (!(await checkDatabase())) {
    throw new AppError("service_unavailable", "The database is unreachable.", { db: "down" });
  }
  return json({ status: "ok", db: "ok" });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
