import { otherMethods } from "@/lib/api/methods";
import { readBytes } from "@/lib/api/body";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { getProofImage, PROOF_FILE_KINDS, proofFileSlugSchema, storeProof } from "@/lib/deliveries/proof/manage-proof";
import { PROOF_LIMITS } from "@/lib/deliveries/proof/process-image";

type Params = { id: string; kind: string };

function kindOf(slug: string) {
  const parsed = proofFileSlugSchema.safeParse(slug);
  if (!parsed.success) throw new AppError("not_found", "No such proof of delivery.");
  return PROOF_FILE_KINDS[parsed.data];
}

// PUT /api/v1/deliveries/{id}/proof/{photo|signature} – add (or replace) a proof image while in transit
export const PUT = withApi<Params>({ permission: "deliveries.transition" }, async ({ request, actor, params }) => {
  const kind = kindOf(params.kind);
  const bytes = await readBytes(request, PROOF_LIMITS.maxUploadBytes);
  const proof = await storeProof({ actor, id: params.id, kind, bytes });
  return json(proof, { status: 201 });
});

// GET /api/v1/deliveries/{id}/proof/{photo|signature} – the image, to whoever may see the delivery
export const GET = withApi<Params>({ permission: "deliveries.read" }, async ({ actor, params }) => {
  const { bytes, contentType } = await getProofImage({ actor, id: params.id, kind: kindOf(params.kind) });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentType,
      "cache-control": "private, no-store",
      "content-disposition": "inline",
    },
  });
});

// Any other method – 405 with Allow
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
