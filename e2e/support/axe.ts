import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import axeCore from "axe-core";

/*
 * axe-core goes into each document once. AxeBuilder's legacy mode evaluates axe's whole
 * source (about 550 KB) twice on every check, into a page that may already have it, and
 * each evaluation sets axe up again: 1.8–3.4 s a check here against 0.5–1.0 s when the
 * page already holds axe (measured on the admin pages, the suite's own server). So the
 * check puts axe into every frame that lacks it, then hands AxeBuilder a source that does
 * nothing; AxeBuilder still configures, runs and reports as before.
 */
const AXE_IN_DOCUMENT = ";";

async function putAxeIntoFrames(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const present = await frame.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
    if (!present) await frame.evaluate(axeCore.source);
  }
}

/**
 * Fails on serious or critical accessibility violations of the page as it is now — once
 * it has its title and its colour transitions have finished. Next.js streams a page's
 * metadata a moment after its content (after a client-side navigation, and while a server
 * action's revalidation re-renders the page), and a button just back from its pending
 * shade is half-way between colours: checking either too early made the check flaky.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  await expect(page).toHaveTitle(/\S/);
  await page.emulateMedia({ reducedMotion: "reduce" });
  // Colours are checked at their end state: a finite animation or transition still running
  // is finished at once. Waiting for it instead hangs where the page's clock is held
  // (e2e/support/clock.ts), as on the kiosk, since a held clock never lets it end.
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) {
      if (animation.playState === "running" && animation.effect?.getTiming().iterations !== Infinity) animation.finish();
    }
  });
  // Legacy mode runs axe in the page itself. The default mode injects axe into every frame
  // and then again into a blank page of its own to merge the frames' results: a second
  // injection and a new page per check, for cross-origin frames that no page here has.
  const analyze = async () => {
    await putAxeIntoFrames(page);
    return new AxeBuilder({ page, axeSource: AXE_IN_DOCUMENT }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  };
  let results = await analyze();
  // A client-side navigation still landing when the check began passed the title wait on
  // the page before's title, then swapped the <title> while axe read it (flaky once). A page
  // truly without a title fails the second check as well.
  if (results.violations.some((violation) => violation.id === "document-title")) {
    await expect(page).toHaveTitle(/\S/);
    results = await analyze();
  }
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility of ${label}`).toEqual([]);
}
