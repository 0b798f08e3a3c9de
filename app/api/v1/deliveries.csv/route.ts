import { otherMethods } from "@/lib/api/methods";
import { parseWith } from "@/lib/core/validation";
import { withApi } from "@/lib/api/handler";
import { searchParamsObject } from "@/lib/api/http";
import { exportDeliveriesCsv } from "@/lib/deliveries/export-deliveries";
import { exportDeliveriesQuerySchema, parseSort } from "@/lib/deliveries/schemas";

// GET /api/v1/deliveries.csv – the list's view (filters, sort) as CSV, streamed
export const GET = withApi({ permission: "deliveries.read" }, async ({ request, actor }) => {
  const { sort, ...filters } = parseWith(
    exportDeliveriesQuerySchema,
    searchParamsObject(request.url, ["status"]),
    "query",
  );
  const rows = exportDeliveriesCsv({ actor, query: { ...filters, limit: 1000 }, sort: parseSort(sort) });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pulled as the client reads: a slow download holds one page in memory, not the whole view.
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="deliveries-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
