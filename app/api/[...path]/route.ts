import { noSuchEndpoint, withApi } from "@/lib/api/handler";

// Any other /api path – a problem+json 404 instead of the HTML not-found page
const notFound = withApi({ public: true }, async () => {
  throw noSuchEndpoint();
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
