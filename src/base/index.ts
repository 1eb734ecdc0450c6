export * from "./span";
export * from "./assert";
export * from "./brand";
