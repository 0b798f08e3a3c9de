"use client";

// The one screen a courier finishes a delivery on: delivered (with the proof the partner asks
// for: the recipient's code, a photo, a signature) or not delivered (with a reason). Photos are
// downscaled in the browser before upload; the server judges and re-encodes them anyway.
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import SignaturePad from "signature_pad";
import { ActionToast, useActionFeedback } from "@/components/action-toast";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { useApiClient } from "@/components/ui/api-client";
import { UnreachableNotice, keepOnFailure } from "@/components/ui/keep-on-failure";
import { Button, buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";
import { LIMITS } from "@/lib/deliveries/schemas";
import type { ProofRequirement } from "@/lib/generated/prisma/enums";
import { courierMoveAction } from "../actions";

const MAX_SIDE = 1600;

const ASKS: Record<ProofRequirement, string> = {
  NONE: "No proof is required; a photo or a signature is still welcome.",
  CODE: "Ask the recipient for the 6-digit code they received by email.",
  PHOTO: "Take a photo of the parcel where you left it.",
  SIGNATURE: "Ask the recipient to sign below.",
};

/** A photo from the camera, downscaled to at most MAX_SIDE px on its longest side, as JPEG. */
async function downscale(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("encode"))), "image/jpeg", 0.85),
  );
}

/** The pad's PNG as a Blob (decoded here: the content security policy keeps fetch() off data: URLs). */
function dataUrlToBlob(dataUrl: string): Blob {
  const [header, base64] = dataUrl.split(",");
  const type = /^data:([^;]+)/.exec(header)?.[1] ?? "image/png";
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** The courier's move, keeping the screen as it is when the connection drops. */
const move = keepOnFailure(courierMoveAction);

const type = (body: Blob) => ({ "content-type": body.type || "application/octet-stream" });

function SignatureField({ padRef, required }: { padRef: React.RefObject<SignaturePad | null>; required: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current!;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d")!.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: "#0f172a" });
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, [padRef]);
  return (
    <fieldset className="grid gap-2">
      <legend className="label">Signature {required ? "(required)" : "(optional)"}</legend>
      <canvas
        ref={canvasRef}
        className="h-40 w-full touch-none rounded-md border border-slate-300 bg-white"
        role="img"
        aria-label="Signature pad: the recipient signs here with a finger"
        data-testid="signature-pad"
      />
      <Button variant="ghost" size="sm" className="w-fit" onClick={() => padRef.current?.clear()}>
        Clear signature
      </Button>
    </fieldset>
  );
}

/**
 * A camera button for the photo (the file input stays, hidden, for the camera or the gallery).
 * A chosen file is decoded at once, so a file the browser cannot read is refused here, in words,
 * and a readable one is shown as a thumbnail before anything is sent.
 */
function PhotoField({
  inputRef,
  required,
  onProblem,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  required: boolean;
  onProblem: (message: string | null) => void;
}) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function chosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    setPreview(null);
    if (!file) return;
    try {
      (await createImageBitmap(file)).close();
      onProblem(null);
      setPreview(URL.createObjectURL(file));
    } catch {
      input.value = "";
      onProblem("That file is not a photo this phone can read. Take the photo again with the camera.");
    }
  }

  return (
    <div className="grid gap-2">
      <label htmlFor="photo" className="label">
        Photo {required ? "(required)" : "(optional)"}
      </label>
      <input
        ref={inputRef}
        id="photo"
        type="file"
        accept="image/*"
        capture="environment"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => void chosen(e.currentTarget)}
        data-testid="photo-input"
      />
      {preview && (
        // eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset
        <img
          src={preview}
          alt="The photo you took"
          className="max-h-48 w-fit rounded-md border border-slate-300"
          data-testid="photo-preview"
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => inputRef.current?.click()} data-testid="take-photo">
          {preview ? "Retake photo" : "Take a photo"}
        </Button>
        {preview && (
          <Button
            variant="ghost"
            onClick={() => {
              if (inputRef.current) inputRef.current.value = "";
              setPreview(null);
            }}
          >
            Remove photo
          </Button>
        )}
      </div>
    </div>
  );
}

export function FinishForm({
  id,
  version,
  requirement,
  codeLocked,
}: {
  id: string;
  version: number;
  requirement: ProofRequirement;
  codeLocked: boolean;
}) {
  const [state, action] = useActionState<FormState, FormData>(move, {});
  // An ended session (during an upload or the move itself) keeps the code across signing in.
  const draft = useActionFeedback("finish", state);
  const api = useApiClient();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  // An upload that got no answer: the same retry as the move's (each upload replaces the last).
  const [uploadUnreachable, setUploadUnreachable] = useState(false);
  const [progress, setProgress] = useState<string>("");
  const formRef = useRef<HTMLFormElement>(null);
  const photoRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const busy = pending || progress !== "";

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    setUploadUnreachable(false);
    const photo = photoRef.current?.files?.[0];
    const signed = padRef.current && !padRef.current.isEmpty();
    if (requirement === "PHOTO" && !photo) return setProblem("Take a photo first.");
    if (requirement === "SIGNATURE" && !signed) return setProblem("The recipient has not signed yet.");
    const keep = { id: "finish", values: { code: String(form.get("code") ?? "") } };
    const uploads: ["photo" | "signature", () => Promise<Blob>][] = [];
    if (photo) uploads.push(["photo", () => downscale(photo)]);
    if (signed) uploads.push(["signature", async () => dataUrlToBlob(padRef.current!.toDataURL("image/png"))]);
    for (const [kind, read] of uploads) {
      setProgress(`Uploading the ${kind}…`);
      const body = await read().catch(() => null);
      const result = body
        ? await api.send(`/api/v1/deliveries/${id}/proof/${kind}`, { method: "PUT", body, headers: type(body) }, keep)
        : { ok: false as const, reason: "unreadable" as const, message: `The ${kind} could not be read; try again.` };
      if (result.ok) continue;
      // Signed out: the page is on its way to sign in and back, so it stays busy.
      if (result.reason === "signed-out") return;
      setProgress("");
      if (result.reason === "network") setUploadUnreachable(true);
      else setProblem(result.message);
      return;
    }
    setProgress("");
    startTransition(() => action(form));
  }

  const codeError = state.errors?.code;
  return (
    <section aria-labelledby="finish-heading" className="card grid gap-4">
      <h2 id="finish-heading" className="text-base font-semibold">
        Delivered
      </h2>
      <p className="text-sm text-slate-700">{ASKS[requirement]}</p>
      {(state.unreachable || uploadUnreachable) && !busy && (
        <UnreachableNotice onRetry={() => formRef.current?.requestSubmit()} testId="finish-unreachable" />
      )}
      <form
        ref={formRef}
        onSubmit={submit}
        className="grid gap-4"
        aria-describedby="finish-status"
        data-testid="finish-form"
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="status" value="COMPLETED" />
        {requirement === "CODE" &&
          (codeLocked ? (
            <Notice tone="error">
              Too many wrong codes: the code is locked. Ask dispatch to complete this delivery, or mark it not
              delivered.
            </Notice>
          ) : (
            <div>
              <label htmlFor="code" className="label">
                Delivery code
              </label>
              <input
                id="code"
                name="code"
                className="input mt-1 font-mono text-lg tracking-widest"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                defaultValue={draft?.code}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? "code-error" : undefined}
              />
              {codeError && (
                <p id="code-error" className="field-error">
                  {codeError}
                </p>
              )}
            </div>
          ))}
        <PhotoField inputRef={photoRef} required={requirement === "PHOTO"} onProblem={setProblem} />
        <SignatureField padRef={padRef} required={requirement === "SIGNATURE"} />
        <p id="finish-status" role="status" aria-live="polite" className="text-sm">
          {progress}
          {problem && <span className="text-red-700">{problem}</span>}
        </p>
        <button
          type="submit"
          className={buttonClass("primary", "md", "w-full")}
          disabled={busy || (requirement === "CODE" && codeLocked)}
        >
          {busy ? "Saving…" : "Mark delivered"}
        </button>
      </form>
    </section>
  );
}

const FAIL_REASONS = ["Nobody at the address", "Address not found", "Recipient refused the parcel", "Parcel damaged"];

export function FailForm({ id, version }: { id: string; version: number }) {
  const [state, action] = useActionState<FormState, FormData>(move, {});
  // Controlled, so the reason outlives a submission that got no answer.
  const [reason, setReason] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <section aria-labelledby="fail-heading" className="card grid gap-3">
      <h2 id="fail-heading" className="text-base font-semibold">
        Not delivered
      </h2>
      <ActionToast state={state} />
      {state.unreachable && (
        <UnreachableNotice onRetry={() => formRef.current?.requestSubmit()} testId="fail-unreachable" />
      )}
      <form ref={formRef} action={action} className="grid gap-3" data-testid="fail-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="status" value="FAILED" />
        <fieldset className="grid gap-1">
          <legend className="label">Why?</legend>
          {FAIL_REASONS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" name="$preset" value={r} checked={reason === r} onChange={() => setReason(r)} />
              {r}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="reason" className="label">
            Reason <span className="text-red-700">(required)</span>
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={2}
            required
            maxLength={LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="input mt-1"
            aria-invalid={state.errors?.reason ? true : undefined}
          />
          {state.errors?.reason && <p className="field-error">{state.errors.reason}</p>}
        </div>
        <SubmitButton pendingText="Saving…" className={buttonClass("danger", "md", "w-full")}>
          Mark not delivered
        </SubmitButton>
      </form>
    </section>
  );
}
