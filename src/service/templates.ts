import type { TemplateDto } from "../protocol";

/** A template: the reference models in `examples/`, bundled as text. */
export interface Template extends TemplateDto {
  readonly text: string;
}

/** The model a new user sees first: the one with the most to look at. */
export const defaultTemplateId = "tom-cost-benefit";

/**
 * Makes templates from model files: the id is the file name without `.precept`, the name is the
 * model's title and the description its first `#` comment line.
 */
export function makeTemplates(files: Readonly<Record<string, string>>): Template[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const id = (path.split("/").pop() ?? path).replace(/\.precept$/, "");
      const title = /^\s*model\s+"([^"]*)"/m.exec(text)?.[1] ?? id;
      const description = /^\s*#\s*(.+)$/m.exec(text)?.[1]?.trim() ?? "";
      return { id, name: title, description, text };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** The templates bundled from `examples/*.precept` (resolved by Vite at build time). */
export function bundledTemplates(): Template[] {
  const files = import.meta.glob<string>("../../examples/*.precept", {
    query: "?raw",
    import: "default",
    eager: true,
  });
  return makeTemplates(files);
}
