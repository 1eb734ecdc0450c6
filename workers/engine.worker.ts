import { expose } from "comlink";
import { protocolVersion } from "../src/protocol";

const api = {
  hello(): { protocolVersion: number } {
    return { protocolVersion };
  },
};

/** The API this worker exposes through comlink. */
export type EngineWorkerApi = typeof api;
expose(api);
