import fs from "node:fs";
import { defineConfig } from "@playwright/test";

/*
 * Playwright never downloads browsers here: it launches the system Chromium.
 * The app under test is a production build (`npm run test:e2e` builds first) started by
 * scripts/e2e-server.mjs on a fresh database in .e2e-data/.
 */

// E2E_PORT lets several checkouts (or engineers) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = Boolean(process.env.CI);

// Debian's Chromium: its headless shell (package chromium-headless-shell) where installed,
// else the browser itself. The shell is the same engine without the desktop browser's
// headless mode around it; the suite is CPU-bound on two cores, and the shell ran a sample
// of it in 38 % less CPU (345 s against 554 s, 181 s against 287 s of wall time).
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => fs.existsSync(file)) ?? "/usr/bin/chromium";

// A Pixel 8 held upright, as couriers and recipients hold theirs.
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Two workers are what two cores sustain next to `next start`.
  workers: 2,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    // The journeys are written in English: the browser asks for it (Accept-Language and
    // navigator.language), as an English speaker's would. The demo campus's default is
    // Chinese, so the Chinese journeys (e2e/*-zh-*.spec.ts) ask for zh-CN with test.use.
    locale: "en-US",
    // A trace of every run costs about 15 % of the suite; CI keeps one of the retry instead.
    trace: isCI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Each journey runs on the device its person holds, not on every device: couriers and
  // recipients on a phone, the kiosk on the locker's landscape touch screen, admins (and
  // sign-in, route states, headers) on a laptop. The screens specs check the other sizes
  // on purpose (customer-screens and courier-screens run on both the laptop and the phone). Running every
  // phone journey on a laptop too doubled the suite's time and found nothing of its own.
  projects: [
    {
      name: "chromium",
      testIgnore: /(^|[/\\])(courier(?!-screens)|kiosk)[^/\\]*\.spec\.ts$|(^|[/\\])customer-(?!screens)[^/\\]*\.spec\.ts$/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "phone",
      testMatch: /(^|[/\\])(courier|customer)[^/\\]*\.spec\.ts$/,
      testIgnore: /-screens\.spec\.ts$/,
      // No journey compares pixels: at a density of 1 the browser draws a ninth of a Pixel
      // 8's pixels, in CSS pixels the same layout (a sample of the suite: 9 % less CPU).
      use: { ...PHONE, deviceScaleFactor: 1 },
    },
    {
      // The screens specs compare screenshots, taken at the phone's own density.
      name: "phone-screens",
      testMatch: /(^|[/\\])(courier|customer)-screens\.spec\.ts$/,
      use: { ...PHONE, deviceScaleFactor: 3 },
    },
    {
      // The locker's own screen: landscape and touch (kiosk-screens also checks 1920×1080).
      name: "kiosk",
      testMatch: /(^|[/\\])kiosk[^/\\]*\.spec\.ts$/,
      use: { viewport: { width: 1280, height: 800 }, hasTouch: true },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
