export { makeWorkbenchService, type ServiceOptions } from "./workbench-service";
export { bundledTemplates, makeTemplates, defaultTemplateId, type Template } from "./templates";
export { toEvaluationDto, toExplainDto, toComparisonDto } from "./dto";
