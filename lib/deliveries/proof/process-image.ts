// Proof images are judged by their bytes (sharp must decode JPEG, PNG, WebP or HEIF), then
// re-encoded without any metadata (EXIF GPS included), turned upright and downscaled.
import sharp from "sharp";
import { AppError } from "@/lib/core/errors";

export const PROOF_LIMITS = {
  /** Largest upload accepted (the browser downscales first; this is a guard, not the target). */
  maxUploadBytes: 8 * 1024 * 1024,
  /** Decoding bombs: images with more pixels than this are refused before decoding. */
  maxInputPixels: 50_000_000,
  /** Longest side after downscaling. */
  maxSide: 1600,
} as const;

const ACCEPTED = new Set(["jpeg", "png", "webp", "heif"]);

export type ProofImageKind = "PHOTO" | "SIGNATURE";

export interface ProcessedImage {
  bytes: Buffer;
  contentType: "image/jpeg" | "image/png";
  width: number;
  height: number;
}

const notAnImage = () => new AppError("unsupported_media_type", "The file is not an image (JPEG, PNG, WebP or HEIC).");

export async function processProofImage(input: Buffer, kind: ProofImageKind): Promise<ProcessedImage> {
  if (input.byteLength > PROOF_LIMITS.maxUploadBytes) {
    throw new AppError(
      "payload_too_large",
      `The image is larger than ${PROOF_LIMITS.maxUploadBytes / 1024 / 1024} MB.`,
    );
  }
  const options = { failOn: "error", limitInputPixels: PROOF_LIMITS.maxInputPixels } as const;
  let format: string | undefined;
  try {
    format = (await sharp(input, options).metadata()).format;
  } catch {
    throw notAnImage();
  }
  if (!format || !ACCEPTED.has(format)) throw notAnImage();
  const pipeline = sharp(input, options)
    .rotate() // apply the EXIF orientation before the EXIF block is dropped
    .resize({ width: PROOF_LIMITS.maxSide, height: PROOF_LIMITS.maxSide, fit: "inside", withoutEnlargement: true });
  try {
    // A signature keeps its transparency (PNG); a photo becomes a JPEG. No withMetadata(): sharp
    // writes no EXIF, XMP or IPTC unless asked.
    const { data, info } = await (
      kind === "SIGNATURE" ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 80 })
    ).toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType: kind === "SIGNATURE" ? "image/png" : "image/jpeg",
      width: info.width,
      height: info.height,
    };
  } catch {
    throw notAnImage();
  }
}
