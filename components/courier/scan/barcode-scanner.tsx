"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";
import { cameraAvailable, waybillDetector } from "./waybill-detector";

/*
 * Camera scanning in every browser that has a camera: the browser's own BarcodeDetector,
 * or the WebAssembly reader it loads when the camera opens (waybill-detector.ts). A
 * handheld scanner needs none of this: it types into the focused field.
 */

const noSubscription = () => () => {};

type Phase = "starting" | "reading" | "problem";

export function BarcodeScanner({
  onScan,
  label,
  buttonRef,
}: {
  onScan: (value: string) => void;
  label: string;
  buttonRef?: React.Ref<HTMLButtonElement>;
}) {
  // False on the server and at hydration; the server cannot know whether there is a camera.
  const t = useTranslations("courier.tracking");
  const supported = useSyncExternalStore(noSubscription, cameraAvailable, () => false);
  const [open, setOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>("starting");
  const [engine, setEngine] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    dialog.current?.close();
  }, []);

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    async function start() {
      try {
        // The camera and the reader start together: on a slow connection the reader's
        // download overlaps the courier aiming the camera.
        const [reader, media] = await Promise.all([
          waybillDetector(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }),
        ]);
        stream = media;
        if (stopped || !video.current) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        setEngine(reader.engine);
        video.current.srcObject = stream;
        await video.current.play();
        setPhase("reading");
        const scan = async () => {
          if (stopped || !video.current) return;
          try {
            const [found] = await reader.detector.detect(video.current);
            if (found?.rawValue && !stopped) {
              navigator.vibrate?.(80);
              onScan(found.rawValue.trim());
              close();
              return;
            }
          } catch {
            // A frame that cannot be read yet (camera still starting); try the next one.
          }
          timer = setTimeout(scan, 120);
        };
        void scan();
      } catch {
        if (!stopped) setPhase("problem");
      }
    }
    void start();
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
        ref={buttonRef}
        type="button"
        className={buttonClass("primary", "min-h-12 shrink-0 px-5 text-lg")}
        onClick={() => {
          setPhase("starting");
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        <span aria-hidden>▥</span> {label}
      </button>
      <dialog
        ref={dialog}
        aria-label={t("scannerTitle")}
        data-engine={engine ?? undefined}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/70"
      >
        <div className="flex flex-col gap-3 p-4">
          <h2 className="text-lg font-bold">{t("scannerTitle")}</h2>
          {phase === "problem" ? (
            <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {t("cameraProblem")}
            </p>
          ) : (
            <p role="status" className="text-sm text-gray-700">
              {phase === "starting" ? t("startingCamera") : t("holdBarcode")}
            </p>
          )}
          <div className="relative aspect-[4/3] overflow-hidden rounded-xl bg-black">
            <video ref={video} muted playsInline className="h-full w-full object-cover" />
            <div aria-hidden className="pointer-events-none absolute inset-x-8 top-1/2 h-24 -translate-y-1/2 rounded-lg border-4 border-white/80" />
          </div>
          <button type="button" className={buttonClass("secondary")} onClick={close}>
            {t("typeInstead")}
          </button>
        </div>
      </dialog>
    </>
  );
}
