export { makeWorkbenchService, type ServiceOptions } from "./workbench-service";
export { bundledTemplates, makeTemplates, defaultTemplateId, type Template } from "./templates";
export { toEvaluationDto, toEvaluationUpdateDto, toComparisonDto } from "./dto";
