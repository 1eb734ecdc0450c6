/** The master check badge and the list of checks with their failures. */
export { MasterCheckBadge, type MasterCheckBadgeProps } from "./MasterCheckBadge";
export { ChecksList, type ChecksListProps } from "./ChecksList";
export { masterState, describeMaster, type MasterCheck, type MasterState } from "./state";
