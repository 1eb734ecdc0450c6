import type { Extension } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { findKeyAt } from "./names";

/** Looks up the text to show for a line item key (its current values), or undefined. */
export type DescribeLine = (key: string) => string | undefined;

/**
 * Hovering a name shows what the container says about it, typically the line's current values
 * by period. A member key (`pressures[children]`) is tried before its bare name.
 */
export function lineHover(describe: () => DescribeLine | undefined): Extension {
  return hoverTooltip((view, pos) => {
    const lookup = describe();
    if (!lookup) return null;
    const line = view.state.doc.lineAt(pos);
    const found = findKeyAt(line.text, line.from, pos);
    if (!found) return null;
    const text = lookup(found.key) ?? (found.key !== found.name ? lookup(found.name) : undefined);
    if (text === undefined) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement("div");
        dom.className = "pc-editor-hover";
        const title = document.createElement("div");
        title.className = "pc-editor-hover-key";
        title.textContent = found.key;
        const body = document.createElement("pre");
        body.className = "pc-editor-hover-body";
        body.textContent = text;
        dom.append(title, body);
        return { dom };
      },
    };
  });
}
