// The OpenAPI 3.1 document, generated from the very zod schemas the handlers validate with.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerAdmin } from "./admin";
import { registerDeliveries } from "./deliveries";
import { registerDispatch } from "./dispatch";
import { registerImports } from "./imports";
import { registerNotifications } from "./notifications";
import { registerPublic } from "./public";
import { TAGS } from "./shared";
import { registerWebhooks, WEBHOOK_DESCRIPTION } from "./webhooks";

function buildDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key (`dap_live_…`) created in the settings, on the staff keys page or with `npm run admin -- create-api-key`. " +
      "A key has a role and may do exactly what that role may: a partner's key for its partner, an admin key what an admin may " +
      "(it names `partnerId` when creating a delivery), a courier key what its courier may (their assigned deliveries only).",
  });
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description: "The browser session of a signed-in person.",
  });
  registerDeliveries(registry);
  registerDispatch(registry);
  registerImports(registry);
  registerNotifications(registry);
  registerAdmin(registry);
  registerPublic(registry);
  registerWebhooks(registry);

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Delivery platform API",
      version: "1.0.0",
      description:
        "Create and follow deliveries. Errors are RFC 9457 `application/problem+json`; every response carries `X-Request-Id`.\n\n" +
        "## Webhooks\n\n" +
        WEBHOOK_DESCRIPTION,
      contact: { name: "Delivery platform team" },
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/" }],
    tags: [...TAGS],
  });
}

let cached: ReturnType<typeof buildDocument> | undefined;
export function openApiDocument() {
  return (cached ??= buildDocument());
}
