import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/page-guard";
import { homeFor } from "@/lib/auth/pages";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homeFor(actor) : "/sign-in");
}
