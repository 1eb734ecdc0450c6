/** The model text editor (CodeMirror 6) and the pieces it is built from. */
export { FormulaEditor, type FormulaEditorProps, type EditorHandle } from "./FormulaEditor";
export type { EditorCompletions } from "./completion";
export type { DescribeLine } from "./hover";
export type { HighlightLexer } from "./highlight";
