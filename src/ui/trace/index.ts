/** The lineage panel: where a selected figure came from, and the derivation tree. */
export { TracePanel, type TracePanelProps } from "./TracePanel";
export { ExplainTree, type ExplainTreeProps } from "./ExplainTree";
export { flattenTree, formatRef, type TreeRow } from "./flatten";
