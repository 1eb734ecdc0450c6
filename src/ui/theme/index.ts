/**
 * The workbench stylesheet: design tokens plus one file per component family. Import this module
 * once from the app's entry point; components only set class names (all prefixed `pc-`), and put
 * `class="pc-root"` on the outermost element to get the base font.
 */
import "./tokens.css";
import "./layout.css";
import "./grid.css";
import "./editor.css";
import "./trace.css";
import "./checks.css";
import "./scenarios.css";
import "./charts.css";
import "./analysis.css";
import "./print.css";

/** The class that sets the base font and colours; put it on the app's outermost element. */
export const rootClass = "pc-root";
