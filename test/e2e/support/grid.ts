import { expect, type Page } from "@playwright/test";

/**
 * Scrolls the grid down a screenful at a time from the top, as a reader paging through it would,
 * until the row of `key` is drawn (the grid draws only the rows in view), then brings it into view.
 * Each scan runs in the page, one frame per step, so the grid redraws between steps.
 */
export async function revealLine(page: Page, key: string): Promise<void> {
  // The line may not be there yet (an evaluation still running): try again until it is.
  await expect
    .poll(() => scanFor(page, key), { message: `the grid has a row for ${key}`, timeout: 120_000 })
    .toBe(true);
}

function scanFor(page: Page, key: string): Promise<boolean> {
  return page.evaluate(async (key) => {
    const scroller = document.querySelector<HTMLElement>(".pc-grid-pane .pc-grid-scroll");
    if (!scroller) return false;
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const row = () => scroller.querySelector(`tr[data-key="${CSS.escape(key)}"]`);
    scroller.scrollTop = 0;
    await frame();
    for (let step = 0; step < 2_000 && !row(); step++) {
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight) break;
      // The grid draws 10 rows (250 px) beyond each edge, so a step of a screen and 400 px
      // still overlaps the rows drawn before.
      scroller.scrollTop += scroller.clientHeight + 400;
      await frame();
    }
    row()?.scrollIntoView({ block: "center" });
    await frame();
    return row() !== null;
  }, key);
}

/** The line rows the grid has drawn. */
export function drawnRowCount(page: Page): Promise<number> {
  return page.locator(".pc-grid-pane tbody tr[data-key]").count();
}
