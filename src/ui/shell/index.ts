/** The product name, shown in the header and the page title. */
export const appName = "Precept";
export { runSecuritySelfCheck, type SecurityCheckResult } from "./security-check";
