export { EdgeKind, GraphBuilder, type DependencyGraph } from "./graph";
export { planEvaluation, cycleOrder, type EvaluationPlan, type Step } from "./plan";
export { stronglyConnectedComponents } from "./scc";
export { DirtySteps } from "./dirty";
