export { EdgeKind, GraphBuilder, type DependencyGraph } from "./graph";
export { planEvaluation, cycleOrder, type EvaluationPlan, type Step } from "./plan";
export { stronglyConnectedComponents } from "./scc";
export { DirtySteps } from "./dirty";
export { footprintOf, everyCell, type Footprint } from "./footprint";
export { DirtyCells, CellLimits, changeOf, changedEverywhere, type CellChange } from "./cells";
