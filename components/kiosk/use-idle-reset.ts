"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { IDLE_MS } from "./idle";

/**
 * The kiosk's idle reset, shared by its screens (collect: kiosk-screen.tsx; send:
 * send/send-screen.tsx): `onIdle` runs after IDLE_MS without a touch, so the next person
 * never finds what the last one typed or was shown. Any pointer, key or input anywhere on
 * the page counts as a touch; while `paused` holds true (a lockout with its own countdown)
 * walking away ends nothing. Returns the time left, for a "back to the start in N s", and
 * `reset`, for a screen that starts again by itself (Done).
 */
export function useIdleReset(onIdle: () => void, paused?: RefObject<boolean>) {
  const [idleLeft, setIdleLeft] = useState(IDLE_MS);
  const lastTouch = useRef(0);

  const reset = useCallback(() => {
    lastTouch.current = Date.now();
    setIdleLeft(IDLE_MS);
  }, []);

  useEffect(() => {
    lastTouch.current = Date.now();
    const touched = () => {
      lastTouch.current = Date.now();
    };
    // Typing by an on-screen keyboard, an IME or a scanner that pastes fires no keydown.
    const events = ["pointerdown", "keydown", "input"] as const;
    for (const name of events) window.addEventListener(name, touched, true);
    const timer = setInterval(() => {
      const left = IDLE_MS - (Date.now() - lastTouch.current);
      if (left <= 0 && !paused?.current) {
        // Counted afresh from here, so a screen still on its way back is not reset twice.
        lastTouch.current = Date.now();
        setIdleLeft(IDLE_MS);
        onIdle();
      } else setIdleLeft(Math.max(0, left));
    }, 1000);
    return () => {
      for (const name of events) window.removeEventListener(name, touched, true);
      clearInterval(timer);
    };
  }, [onIdle, paused]);

  return { idleLeft, reset };
}
