import { otherMethods } from "@/lib/api/methods";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { checkReadiness } from "@/lib/health";

export const dynamic = "force-dynamic";

// GET /api/health/ready – readiness: send this process traffic (503 while starting, broken or draining)
export const GET = withApi({ public: true }, async () => {
  const readiness = await checkReadiness();
  if (!readiness.ready) throw new AppError("service_unavailable", readiness.reason!, { checks: readiness.checks });
  return json({ status: "ready", checks: readiness.checks });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
