/**
 * CSV files Parley writes are opened in spreadsheets, which run a cell starting with "=", "+", "-", "@",
 * a tab or a carriage return as a formula (CSV injection). Such a cell is written behind an apostrophe,
 * which spreadsheets hide, and Parley's imports take it off again: a file round-trips unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const escapeFormulaCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const unescapeFormulaCell = (text: string): string => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);
