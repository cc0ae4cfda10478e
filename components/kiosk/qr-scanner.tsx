"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";

/*
 * Reading the customer's QR: the camera through the browser's BarcodeDetector where the
 * kiosk's browser has one, and always a text field that a USB or handheld scanner types
 * into (scanners are keyboards that end with Enter). Either way the text goes to
 * `onScan`; nothing is decided here.
 */

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof candidate === "function" ? candidate : null;
}

export function QrScanner({ onScan, disabled = false }: { onScan: (text: string) => void; disabled?: boolean }) {
  const t = useTranslations("kiosk.scanner");
  const [text, setText] = useState("");
  const [camera, setCamera] = useState<"starting" | "on" | "unavailable">("starting");
  const video = useRef<HTMLVideoElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(onScan);

  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const Detector = barcodeDetector();
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    async function start() {
      if (!Detector || !navigator.mediaDevices?.getUserMedia) throw new Error("no detector");
      const detector = new Detector({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user" }, audio: false });
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      setCamera("on");
      let busy = false;
      timer = setInterval(async () => {
        if (busy || !video.current) return;
        busy = true;
        try {
          const [code] = await detector.detect(video.current);
          if (code?.rawValue) latest.current(code.rawValue);
        } catch {
          // A frame the detector could not read; the next one may do.
        } finally {
          busy = false;
        }
      }, 300);
    }
    start().catch(() => {
      if (!stopped) setCamera("unavailable");
    });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    setText("");
    if (value) onScan(value);
    input.current?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="relative grid aspect-video w-full place-items-center overflow-hidden rounded-2xl bg-gray-900 text-center text-gray-100 landscape:lg:max-h-[40dvh]">
        <video ref={video} muted playsInline className={`h-full w-full object-cover ${camera === "on" ? "" : "hidden"}`} />
        {camera !== "on" ? (
          <p className="max-w-xs p-4 text-lg">
            {camera === "starting" ? t("startingCamera") : t("noCamera")}
          </p>
        ) : (
          <span aria-hidden className="pointer-events-none absolute inset-8 rounded-xl border-4 border-white/80" />
        )}
      </div>
      {camera === "on" ? <p className="text-center text-lg">{t("holdUp")}</p> : null}
      <form onSubmit={submit} className="flex flex-col gap-1">
        <label htmlFor="kiosk-scan" className="text-sm font-medium text-gray-800">
          {t("label")}
        </label>
        <input
          ref={input}
          id="kiosk-scan"
          name="scan"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={disabled}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="none"
          className="min-h-12 rounded-xl border border-gray-400 bg-white px-3 font-mono text-lg"
        />
      </form>
    </div>
  );
}
