import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/page-guard";

export default async function Home() {
  redirect((await currentActor()) ? "/deliveries" : "/sign-in");
}
