import { AppError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/handler";

// Any other /api path – a problem+json 404 instead of the HTML not-found page
const notFound = withApi({ public: true }, async () => {
  throw new AppError("not_found", "There is no such API endpoint. See /api/v1/docs.");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
