"use client";

// Sends the chosen file to the import API (the same endpoint integrators use) and opens the
// dry run. Nothing is created by this step.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Notice } from "@/components/notice";
import { PartnerSelect } from "@/components/partner-select";
import { useApiClient } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { useDraft } from "@/components/ui/session-recovery";

const MAX_MB = 5;
const DRAFT = "import-upload";

export function ImportUpload({ partners }: { partners: { id: string; name: string; slug: string }[] | null }) {
  const router = useRouter();
  const api = useApiClient();
  // After signing in again the partner chosen before is chosen again (a file cannot be kept).
  const draft = useDraft(DRAFT);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(form: FormData) {
    const file = form.get("file");
    const partnerId = String(form.get("partnerId") ?? "");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a CSV file to upload.");
    if (file.size > MAX_MB * 1024 * 1024) return setError(`The file is larger than ${MAX_MB} MB.`);
    setPending(true);
    setError(null);
    const query = partnerId ? `?partnerId=${encodeURIComponent(partnerId)}` : "";
    const result = await api.send<{ id: string }>(
      `/api/v1/imports${query}`,
      {
        method: "POST",
        headers: { "content-type": "text/csv", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      },
      { id: DRAFT, values: { partnerId } },
    );
    if (result.ok) return router.push(`/deliveries/import/${result.data.id}`);
    if (result.reason === "signed-out") return;
    // A file-level refusal repeats its message as the `file` field's error: say each thing once.
    const details = result.reason === "problem" ? result.errors.map((e) => e.message) : [];
    setError([...new Set([result.message, ...details])].join(" "));
    setPending(false);
  }

  return (
    <form action={upload} className="card grid gap-4" aria-describedby="upload-help">
      <p id="upload-help" className="text-sm text-slate-600">
        CSV, up to 10,000 rows and {MAX_MB} MB, comma or semicolon separated, columns as in the template. Every row is
        checked first; nothing is created until you confirm.
      </p>
      {partners && (
        <PartnerSelect
          key={draft?.partnerId ?? ""}
          partners={partners}
          defaultValue={draft?.partnerId ?? ""}
          placeholder="Choose the partner these deliveries are for"
        />
      )}
      <div>
        <label htmlFor="file" className="label">
          CSV file
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="input mt-1 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1"
        />
      </div>
      {error && (
        <Notice tone="error" testId="upload-error">
          {error}
        </Notice>
      )}
      <Button type="submit" variant="primary" className="w-fit" disabled={pending}>
        {pending ? "Checking…" : "Check file"}
      </Button>
    </form>
  );
}
