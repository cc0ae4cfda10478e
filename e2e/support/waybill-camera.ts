import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bwipjs from "bwip-js/node";
import { PNG } from "pngjs";

/*
 * A camera that films a waybill: Chromium's fake capture device plays a Y4M file
 * (--use-file-for-fake-video-capture), and each journey writes the barcode it wants
 * filmed into that file before it opens the camera. The barcode is drawn by bwip-js
 * (Code 128, as on carriers' waybills), so the app's decoder reads real pixels.
 */

const WIDTH = 640;
const HEIGHT = 480;

/** One file per Playwright worker: each worker's browser films its own waybill. */
export function cameraFile(workerIndex: number): string {
  return path.join(os.tmpdir(), `e2e-waybill-${process.env.E2E_PORT ?? "3100"}-${workerIndex}.y4m`);
}

/** The browser flags that make `file` the camera, with camera access granted. */
export function fakeCameraArgs(file: string): string[] {
  return ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}

/** A blank sheet, so the camera has something to film before the first waybill. */
export function filmNothing(file: string) {
  writeY4m(file, new Uint8Array(WIDTH * HEIGHT).fill(235));
}

/** Puts a Code 128 barcode of `text` in front of the camera. */
export async function filmWaybill(file: string, text: string) {
  const png = PNG.sync.read(
    await bwipjs.toBuffer({ bcid: "code128", text, scale: 2, height: 24, includetext: true, textxalign: "center", paddingwidth: 12, paddingheight: 8, backgroundcolor: "FFFFFF" }),
  );
  if (png.width > WIDTH || png.height > HEIGHT) throw new Error(`waybill ${text} is too wide to film (${png.width} px)`);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(235);
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const alpha = png.data[i + 3] / 255;
      const grey = 0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2];
      luma[(top + y) * WIDTH + left + x] = Math.round(grey * alpha + 255 * (1 - alpha));
    }
  }
  writeY4m(file, luma);
}

/** Two identical 4:2:0 frames of a grey picture (no colour: U and V at their middle). */
function writeY4m(file: string, luma: Uint8Array) {
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), Buffer.from(luma), chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  // Written beside and renamed: the browser never reads half a file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, Buffer.concat([header, frame, frame]));
  fs.renameSync(partial, file);
}
