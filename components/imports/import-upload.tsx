"use client";

// Sends the chosen file to the import API (the same endpoint integrators use) and opens the
// dry run. Nothing is created by this step.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Notice } from "@/components/notice";
import { buttonClass } from "@/components/ui/button";

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

const MAX_MB = 5;

export function ImportUpload({ partners }: { partners: { id: string; name: string; slug: string }[] | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(form: FormData) {
    const file = form.get("file");
    const partnerId = String(form.get("partnerId") ?? "");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a CSV file to upload.");
    if (file.size > MAX_MB * 1024 * 1024) return setError(`The file is larger than ${MAX_MB} MB.`);
    setPending(true);
    setError(null);
    try {
      const query = partnerId ? `?partnerId=${encodeURIComponent(partnerId)}` : "";
      const response = await fetch(`/api/v1/imports${query}`, {
        method: "POST",
        headers: { "content-type": "text/csv", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      if (response.status === 401) {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent("/deliveries/import")}`);
        return;
      }
      const body = (await response.json().catch(() => ({}))) as Problem & { id?: string };
      if (response.ok && body.id) {
        router.push(`/deliveries/import/${body.id}`);
        return;
      }
      const details = body.errors?.map((e) => e.message).join(" ");
      setError([body.detail ?? "The file could not be read.", details].filter(Boolean).join(" "));
    } catch {
      setError("The upload did not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form action={upload} className="card grid gap-4" aria-describedby="upload-help">
      <p id="upload-help" className="text-sm text-slate-600">
        CSV, up to 10,000 rows and {MAX_MB} MB, comma or semicolon separated, columns as in the template. Every row is
        checked first; nothing is created until you confirm.
      </p>
      {partners && (
        <div>
          <label htmlFor="partnerId" className="label">
            Partner
          </label>
          <select id="partnerId" name="partnerId" required defaultValue="" className="input mt-1">
            <option value="" disabled>
              Choose the partner these deliveries are for
            </option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.slug})
              </option>
            ))}
          </select>
        </div>
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
      <button type="submit" className={buttonClass("primary", "md", "w-fit")} disabled={pending}>
        {pending ? "Checking…" : "Check file"}
      </button>
    </form>
  );
}
