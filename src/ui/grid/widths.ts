/** Column widths in CSS pixels; the table uses fixed layout, so these are what it shows. */
export const GridWidths = {
  label: 300,
  period: 96,
  /** The formula column shown by "Show formulas", at its widest and its narrowest. */
  formula: 280,
  formulaMin: 160,
  /** While formulas are shown, the label column gives up room down to this width. */
  labelWithFormulas: 200,
  /** A cell's left and right padding together (grid.css: 10px each side). */
  padding: 20,
} as const;

/** The grid's figure sizes in CSS pixels: tokens.css's --pc-size and --pc-size-small. */
export const GridFonts = {
  figure: 13,
  small: 11.5,
} as const;
