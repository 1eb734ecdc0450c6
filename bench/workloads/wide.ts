// Wide: a table of 1,000 rows by 200 inputs with a total per row and per column.
import { compareAll } from "../lib/compare";

await compareAll(["wide:1000x200"]);
