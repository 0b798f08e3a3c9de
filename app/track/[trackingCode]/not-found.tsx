import { NotFoundMessage } from "@/components/not-found-message";

export default function TrackingNotFound() {
  return (
    <main id="main" className="px-4">
      <NotFoundMessage title="We could not find that delivery">
        Check the tracking code (it looks like DLV-7Q4K9M2X). Codes never contain 0, O, 1, I or L.
      </NotFoundMessage>
    </main>
  );
}
