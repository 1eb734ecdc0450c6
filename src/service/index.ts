export {
  makeWorkbenchService,
  probeModelText,
  type ServiceOptions,
  type WorkbenchService,
} from "./workbench-service";
export { bundledTemplates, makeTemplates, defaultTemplateId, type Template } from "./templates";
export { toEvaluationDto, toEvaluationUpdateDto, toComparisonDto } from "./dto";
