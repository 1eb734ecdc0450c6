#!/usr/bin/env node
// The `precept` command: registers tsx so Node can load the TypeScript CLI, then runs it.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
