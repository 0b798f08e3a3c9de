import { NotFoundMessage } from "@/components/not-found-message";

// Inside the signed-in shell, so navigation stays at hand.
export default function NotFound() {
  return <NotFoundMessage />;
}
