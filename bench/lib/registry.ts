import { makeChain } from "./chain-model";
import { makePlan } from "./plan-model";
import { makeWide } from "./wide-model";
import type { Workload } from "./workload";

/**
 * Builds a workload from its id: `plan:1000`, `chain:100000`, `wide:1000x200`. The id is what a
 * driver passes to each engine process, so both engines build the same model.
 */
export function workloadFromId(id: string): Workload {
  const [kind, size = ""] = id.split(":");
  const n = Number(size);
  switch (kind) {
    case "plan":
      return makePlan(n);
    case "chain":
      return makeChain(n);
    case "wide": {
      const [rows, cols] = size.split("x").map(Number);
      return makeWide(rows ?? 0, cols ?? 0);
    }
    case undefined:
    default:
      throw new Error(`unknown workload id '${id}'`);
  }
}
