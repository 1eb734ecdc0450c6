/**
 * Tells other tabs what this tab committed, so they can reload a model or their list instead of
 * overwriting newer work. Messages are sent only after the transaction completed.
 */

/** A change another tab should know about. */
export type WorkspaceMessage =
  | { readonly kind: "model-saved"; readonly modelId: string; readonly rev: number }
  | { readonly kind: "workspace-changed" };

/** Sends and receives workspace messages; `BroadcastChannel` in the browser, a fake in tests. */
export interface ChangeNotifier {
  post(message: WorkspaceMessage): void;
  /** Calls `listener` for each message from another tab; returns the unsubscribe function. */
  subscribe(listener: (message: WorkspaceMessage) => void): () => void;
  close(): void;
}

/** The channel name all Precept tabs of one origin share. */
export const channelName = "precept-workspace";

/** The part of `BroadcastChannel` the notifier needs (Node's and the browser's both fit). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: "message", listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

/** Checks a message from another tab; anything else on the channel is ignored. */
export function decodeMessage(data: unknown): WorkspaceMessage | null {
  if (typeof data !== "object" || data === null || !("kind" in data)) return null;
  if (data.kind === "workspace-changed") return { kind: "workspace-changed" };
  if (
    data.kind === "model-saved" &&
    "modelId" in data &&
    typeof data.modelId === "string" &&
    "rev" in data &&
    typeof data.rev === "number"
  ) {
    return { kind: "model-saved", modelId: data.modelId, rev: data.rev };
  }
  return null;
}

/** A notifier over a channel; by default a `BroadcastChannel` named `channelName`. */
export function makeChannelNotifier(
  channel: ChannelLike = new BroadcastChannel(channelName),
): ChangeNotifier {
  return {
    post: (message) => {
      channel.postMessage(message);
    },
    subscribe(listener) {
      const onMessage = (event: { readonly data: unknown }): void => {
        const message = decodeMessage(event.data);
        if (message !== null) listener(message);
      };
      channel.addEventListener("message", onMessage);
      return () => {
        channel.removeEventListener("message", onMessage);
      };
    },
    close: () => {
      channel.close();
    },
  };
}

/** A notifier that drops every message (single-tab use and tests that do not care). */
export const silentNotifier: ChangeNotifier = {
  post: () => undefined,
  subscribe: () => () => undefined,
  close: () => undefined,
};
