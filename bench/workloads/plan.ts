// Plan: line items over 40 periods, as a medium-term financial plan is written, at two sizes.
import { compareAll } from "../lib/compare";

await compareAll(["plan:1000", "plan:2500"]);
