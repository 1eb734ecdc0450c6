import { render } from "solid-js/web";
import "../ui/theme";
import "./app.css";
import { workspaceChannel } from "../protocol";
import { App } from "./App";
import { makeWorkerClient } from "./worker-client";

const root = document.getElementById("root");
if (root) {
  let report: (message: string) => void = (message) => {
    console.warn(message);
  };
  const client = makeWorkerClient((problem) => report(problem.message));
  // `persist()` exists only on the main thread, so the app asks and the worker reports the result.
  const requestPersistence = async () => {
    try {
      await navigator.storage.persist();
    } catch {
      // The storage panel shows "not protected"; nothing else to do.
    }
  };
  render(
    () => (
      <App
        client={client}
        requestPersistence={requestPersistence}
        onProblemSink={(sink) => (report = sink)}
        channel={
          typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(workspaceChannel)
        }
      />
    ),
    root,
  );
}
