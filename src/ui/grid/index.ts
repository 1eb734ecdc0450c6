/** The model grid: line items by periods, keyboard-navigable, raising selection and trace events. */
export { Grid, type GridProps, type GridSelection } from "./Grid";
export { GridLegend } from "./GridLegend";
export { moveActive, GridKeys, type GridPosition, type GridBounds } from "./navigation";
