import { readFile } from "node:fs/promises";
import path from "node:path";

/*
 * The barcode decoder's WebAssembly (zxing-wasm, the engine of the `barcode-detector`
 * ponyfill), served from our own origin: components/courier/scan/waybill-detector.ts asks
 * for it when a courier's browser has no BarcodeDetector of its own. Read from the
 * installed package, so it is always the build the ponyfill's JavaScript expects; the URL
 * carries that version (?v=), so a browser may keep it for a year.
 */

const WASM = path.join(process.cwd(), "node_modules", "zxing-wasm", "dist", "reader", "zxing_reader.wasm");

let bytes: Promise<Buffer> | null = null;

export async function GET(): Promise<Response> {
  bytes ??= readFile(WASM).catch((error: unknown) => {
    bytes = null;
    throw error;
  });
  const body = await bytes;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/wasm",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
