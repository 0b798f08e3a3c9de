import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

export const dynamic = "force-dynamic";

// GET/POST/PUT /api/inngest – Inngest introspection, function calls and registration
export const { GET, POST, PUT } = serve({ client: inngest, functions });
