/** The model grid: line items by periods, keyboard-navigable, raising selection and trace events. */
export {
  Grid,
  GridRows,
  type GridHandle,
  type GridProps,
  type GridSelection,
  type LineFormulas,
} from "./Grid";
export { GridPane, type GridPaneProps } from "./GridPane";
export { moneyScales, type MoneyScale } from "./scale";
export { GridWidths } from "./widths";
export { GridLegend } from "./GridLegend";
export { moveActive, GridKeys, type GridPosition, type GridBounds } from "./navigation";
export { LineTable, type RowModel, type TableLayout } from "./rows";
