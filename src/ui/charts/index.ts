/** Charts of line items over periods (uPlot). */
export { LineChart, ChartColours, type LineChartProps } from "./LineChart";
export { toPlotNumber, formatTick, UnitScale } from "./scale";
