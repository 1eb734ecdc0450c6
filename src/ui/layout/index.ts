export { Splitter, type SplitterProps } from "./Splitter";
export {
  PaneLimits,
  autoLabelWidth,
  bottomMax,
  clampPaneSizes,
  defaultPaneSizes,
  editorMax,
  gridRoom,
  labelMax,
  loadPaneSizes,
  paneSizesKey,
  savePaneSizes,
  sideMax,
  type PaneSizes,
  type SizeStore,
} from "./pane-sizes";
export { createPaneLayout, pageStorage, type PaneLayout } from "./create-pane-layout";
