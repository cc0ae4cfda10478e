import { expect, type Locator, type Page } from "@playwright/test";

/*
 * What a screen must be for the device it is on (issue 14): nothing wider than the screen,
 * and every control a thumb must hit tall enough to hit.
 */

/** The page scrolls only downwards: nothing sticks out to the right. */
export async function expectNoHorizontalOverflow(page: Page, label = page.url()) {
  // The answer names the elements that stick out, so a failure says where.
  const sticking = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(-5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}"> to ${Math.round(element.getBoundingClientRect().right)} px`);
  });
  expect(sticking, `horizontal overflow of ${label}`).toEqual([]);
}

/**
 * Every visible link, button and disclosure inside `area` is at least `min` px tall; the
 * answer names the ones that are not, so a failure says where.
 */
export async function expectTargetsAtLeast(area: Locator, min: number, label: string) {
  const short = await area.evaluateAll(
    (roots, min) =>
      roots.flatMap((root) =>
        [...root.querySelectorAll<HTMLElement>("a[href], button, summary, select, input:not([type=hidden])")]
          .filter((element) => element.getClientRects().length > 0 && !element.closest(".sr-only"))
          .filter((element) => element.getBoundingClientRect().height < min)
          .map((element) => `${(element.innerText || element.getAttribute("aria-label") || element.tagName).trim().slice(0, 40)} (${Math.round(element.getBoundingClientRect().height)} px)`),
      ),
    min,
  );
  expect(short, `targets under ${min} px on ${label}`).toEqual([]);
}

/** The element's box on the page, in CSS px. */
export async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the element is laid out").not.toBeNull();
  return box!;
}
