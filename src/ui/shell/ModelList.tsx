import { createSignal, For, Show } from "solid-js";
import type { ModelSummaryDto, TemplateDto } from "../../protocol";

/** The workspace's models and templates, with new, open, rename, duplicate and delete. */
export function ModelList(props: {
  models: readonly ModelSummaryDto[];
  templates: readonly TemplateDto[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onCreate: (name: string, templateId?: string) => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const commitRename = (id: string, input: HTMLInputElement) => {
    const name = input.value.trim();
    setRenaming(null);
    if (name) props.onRename(id, name);
  };
  return (
    <nav class="pc-models" aria-label="Models">
      <div class="pc-models-head">
        <h2>Models</h2>
        <button type="button" onClick={() => props.onCreate("Untitled model")}>
          New
        </button>
      </div>
      <ul role="list">
        <For each={props.models}>
          {(model) => (
            <li classList={{ "pc-current": model.id === props.currentId }}>
              <Show
                when={renaming() === model.id}
                fallback={
                  <button
                    type="button"
                    class="pc-model-open"
                    aria-current={model.id === props.currentId ? "page" : undefined}
                    onClick={() => props.onOpen(model.id)}
                    onDblClick={() => setRenaming(model.id)}
                  >
                    {model.name}
                  </button>
                }
              >
                <input
                  class="pc-rename"
                  aria-label={`New name for ${model.name}`}
                  value={model.name}
                  ref={(el) => queueMicrotask(() => el.select())}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") commitRename(model.id, e.currentTarget);
                    if (e.key === "Escape") setRenaming(null);
                  }}
                  onBlur={(e) => commitRename(model.id, e.currentTarget)}
                />
              </Show>
              <span class="pc-model-actions">
                <button
                  type="button"
                  title="Rename"
                  aria-label={`Rename ${model.name}`}
                  onClick={() => setRenaming(model.id)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  title="Duplicate"
                  aria-label={`Duplicate ${model.name}`}
                  onClick={() => props.onDuplicate(model.id)}
                >
                  <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
                    <rect x="0.5" y="3.5" width="8" height="8" fill="none" stroke="currentColor" />
                    <path d="M3.5 3.5v-3h8v8h-3" fill="none" stroke="currentColor" />
                  </svg>
                </button>
                <button
                  type="button"
                  title="Delete"
                  aria-label={`Delete ${model.name}`}
                  onClick={() => props.onDelete(model.id)}
                >
                  ✕
                </button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <h2>Templates</h2>
      <ul role="list" class="pc-templates">
        <For each={props.templates}>
          {(template) => (
            <li>
              <button
                type="button"
                class="pc-model-open"
                title={template.description}
                aria-label={`New model from template ${template.name}`}
                onClick={() => props.onCreate(template.name, template.id)}
              >
                {template.name}
              </button>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
