"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";

/*
 * Camera scanning with the browser's own BarcodeDetector (Chrome and Edge on Android,
 * ChromeOS and macOS). Where it is missing the button is not shown and the courier types —
 * or uses a handheld scanner, which types into the focused field. Waybills carry Code 128
 * barcodes (and sometimes QR codes); those formats are asked for when supported.
 */

type DetectedBarcode = { rawValue: string; format: string };
type BarcodeDetectorInstance = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
};

const WAYBILL_FORMATS = ["code_128", "code_39", "code_93", "codabar", "ean_13", "itf", "qr_code", "data_matrix"];

function detectorClass(): BarcodeDetectorClass | null {
  if (typeof window === "undefined" || !navigator.mediaDevices?.getUserMedia) return null;
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

const noSubscription = () => () => {};

export function BarcodeScanner({ onScan, label }: { onScan: (value: string) => void; label: string }) {
  // False on the server and at hydration; the server cannot know what this browser supports.
  const supported = useSyncExternalStore(noSubscription, () => detectorClass() !== null, () => false);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    dialog.current?.close();
  }, []);

  useEffect(() => {
    if (!open) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    async function start(Detector: BarcodeDetectorClass) {
      try {
        const supportedFormats = (await Detector.getSupportedFormats?.()) ?? WAYBILL_FORMATS;
        const formats = WAYBILL_FORMATS.filter((format) => supportedFormats.includes(format));
        const detector = new Detector(formats.length > 0 ? { formats } : undefined);
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const scan = async () => {
          if (stopped || !video.current) return;
          try {
            const [found] = await detector.detect(video.current);
            if (found?.rawValue) {
              navigator.vibrate?.(80);
              onScan(found.rawValue.trim());
              close();
              return;
            }
          } catch {
            // A frame that cannot be read yet (camera still starting); try the next one.
          }
          timer = setTimeout(scan, 150);
        };
        void scan();
      } catch {
        setProblem("The camera is not available. Allow camera access, or type the tracking number.");
      }
    }
    void start(Detector);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open, onScan, close]);

  if (!supported) return null;
  return (
    <>
      <button
        type="button"
        className={buttonClass("secondary", "shrink-0")}
        onClick={() => {
          setProblem(null);
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        <span aria-hidden>▥</span> {label}
      </button>
      <dialog
        ref={dialog}
        aria-label="Scan the waybill barcode"
        onClose={() => setOpen(false)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/70"
      >
        <div className="flex flex-col gap-3 p-4">
          <h2 className="text-lg font-bold">Scan the waybill barcode</h2>
          {problem ? (
            <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {problem}
            </p>
          ) : (
            <p className="text-sm text-gray-700">Hold the barcode inside the frame. It is read on its own.</p>
          )}
          <div className="relative aspect-[4/3] overflow-hidden rounded-xl bg-black">
            <video ref={video} muted playsInline className="h-full w-full object-cover" />
            <div aria-hidden className="pointer-events-none absolute inset-x-8 top-1/2 h-24 -translate-y-1/2 rounded-lg border-4 border-white/80" />
          </div>
          <button type="button" className={buttonClass("secondary")} onClick={close}>
            Type it instead
          </button>
        </div>
      </dialog>
    </>
  );
}
