/** Spreadsheets run a cell that starts with one of these as a formula; a leading apostrophe stops that. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet shows as text, never runs: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutralise`, so that an exported file imports unchanged. */
export function restore(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export type Cell = string | number | boolean | null;

/** Every text cell of every export passes here; numbers, booleans and blanks cannot hold a formula. */
export function safeCell(value: Cell): Cell {
  return typeof value === "string" ? neutralise(value) : value;
}
