import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <NotFoundMessage />
    </main>
  );
}
