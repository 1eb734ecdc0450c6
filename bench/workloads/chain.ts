// Chain: 100,000 compounding steps, each reading the one before.
import { compareAll } from "../lib/compare";

await compareAll(["chain:100000"]);
