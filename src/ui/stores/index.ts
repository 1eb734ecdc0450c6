export * from "./workbench";
