/** The product name, shown in the header and the page title. */
export const appName = "Precept";
export { runSecuritySelfCheck, type SecurityCheckResult } from "./security-check";
export { SaveStatus } from "./SaveStatus";
export { ModelList } from "./ModelList";
export { VersionList } from "./VersionList";
export { Notices } from "./Notices";
export { AboutPanel } from "./AboutPanel";
export { isUntitled, nameFromTitle, uniqueAmong, untitledName } from "./model-title";
export { ExportMenu, type ExportFormat } from "./ExportMenu";
export { CsvImportDialog, type CsvImportView } from "./CsvImportDialog";
