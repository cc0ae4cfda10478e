/*
 * The one barcode reader of the courier's camera: the browser's own BarcodeDetector where
 * it has one (Chrome on Android, ChromeOS, macOS), otherwise ZXing-C++ compiled to
 * WebAssembly through the `barcode-detector` ponyfill, which has the same API. The ponyfill
 * and its WebAssembly file (about 1 MB) are fetched only when the camera opens, and only
 * from our own origin: the .wasm is served by app/(main)/courier/scan/zxing-reader/route.ts
 * (the package would otherwise fetch it from a public CDN, which the CSP refuses and a
 * courier's patchy connection should not depend on). Compiling it needs 'wasm-unsafe-eval'
 * in the courier pages' CSP (lib/security/content-security-policy.ts).
 */

import type { BarcodeFormat } from "barcode-detector/ponyfill";

export type DetectedWaybill = { rawValue: string };
export type WaybillDetector = { detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap | ImageData): Promise<DetectedWaybill[]> };

type BarcodeDetectorClass = {
  new (options?: { formats?: string[] }): WaybillDetector;
  getSupportedFormats?: () => Promise<readonly string[]>;
};

/** Waybills carry Code 128 (sometimes Code 39/93, Codabar, EAN, ITF) and now and then a QR code. */
export const WAYBILL_FORMATS: BarcodeFormat[] = ["code_128", "code_39", "code_93", "codabar", "ean_13", "itf", "qr_code", "data_matrix"];

/** Where the app serves the decoder's WebAssembly (versioned, so it may be cached long). */
export const ZXING_READER_PATH = "/courier/scan/zxing-reader";

/** Whether this browser can show a camera at all; the decoder is always available. */
export function cameraAvailable(): boolean {
  return typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);
}

function nativeDetector(): BarcodeDetectorClass | null {
  if (typeof window === "undefined") return null;
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

/** The browser's own reader when it reads Code 128, else the WebAssembly one. */
export async function waybillDetector(): Promise<{ detector: WaybillDetector; engine: "native" | "zxing-wasm" }> {
  const Native = nativeDetector();
  if (Native) {
    const supported = (await Native.getSupportedFormats?.().catch(() => [])) ?? [];
    const formats = WAYBILL_FORMATS.filter((format) => supported.includes(format));
    // Some platforms expose the class but read no 1D codes (or none at all): fall through.
    if (formats.includes("code_128")) return { detector: new Native({ formats }), engine: "native" };
  }
  return { detector: await zxingDetector(), engine: "zxing-wasm" };
}

let zxing: Promise<WaybillDetector> | null = null;

/** The WebAssembly reader, loaded once per page and ready to read (its .wasm compiled). */
export function zxingDetector(): Promise<WaybillDetector> {
  zxing ??= (async () => {
    const { BarcodeDetector, prepareZXingModule, ZXING_WASM_VERSION } = await import("barcode-detector/ponyfill");
    await prepareZXingModule({
      overrides: {
        locateFile: (file: string, prefix: string) =>
          file.endsWith(".wasm") ? `${ZXING_READER_PATH}?v=${encodeURIComponent(ZXING_WASM_VERSION)}` : prefix + file,
      },
      fireImmediately: true,
    });
    return new BarcodeDetector({ formats: WAYBILL_FORMATS });
  })().catch((error: unknown) => {
    zxing = null; // a failed download may be tried again on the next opening of the camera
    throw error;
  });
  return zxing;
}
