// Proof of delivery on the delivery page (partners, dispatch): the images through their
// authorised URLs (the viewer's own session fetches them), and whether the code was checked.
import Image from "next/image";
import type { ProofKind } from "@/lib/generated/prisma/enums";

export interface ProofItem {
  kind: ProofKind;
  url: string | null;
  width: number | null;
  height: number | null;
  createdAt: string;
}

const LABELS: Record<ProofKind, string> = {
  CODE: "The recipient's delivery code was checked",
  PHOTO: "Photo",
  SIGNATURE: "Signature",
};

export function ProofOnFile({ proofs, trackingCode }: { proofs: ProofItem[]; trackingCode: string }) {
  if (proofs.length === 0) return null;
  return (
    <section aria-labelledby="proof-heading" className="card grid gap-3" data-testid="proof-on-file">
      <h2 id="proof-heading" className="text-base font-semibold">
        Proof of delivery
      </h2>
      <ul className="grid gap-3">
        {proofs.map((p) => (
          <li key={p.kind} className="grid gap-1 text-sm">
            <span className="font-medium">{LABELS[p.kind]}</span>
            {p.url && (
              <a href={p.url} target="_blank" rel="noopener">
                {/* Unoptimized: an authorised API URL, fetched with the viewer's own session. */}
                <Image
                  unoptimized
                  src={p.url}
                  width={p.width ?? 400}
                  height={p.height ?? 300}
                  alt={`${LABELS[p.kind]} for delivery ${trackingCode}`}
                  className="h-auto max-h-64 w-auto rounded-md border border-slate-200 bg-white object-contain"
                  data-testid={`proof-${p.kind.toLowerCase()}`}
                />
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
