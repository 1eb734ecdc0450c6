/**
 * The catalog of every diagnostic Precept reports, by stable code. Codes are grouped by phase:
 * P1xxx lexing and parsing, P2xxx names, P3xxx units and types, P4xxx evaluation, P5xxx
 * persistence and import. A retired code is never reused. Messages are templates: `{name}` is
 * replaced by the named argument. docs/diagnostics.md lists every code (a test checks it).
 */
export const diagnosticCodes = {
  // P1xxx: lexing and parsing
  P1001: {
    severity: "error",
    message: "Unexpected character '{char}'. Remove it, or put it inside a quoted string.",
  },
  P1002: {
    severity: "error",
    message: "This string has no closing quote. Add '\"' before the end of the line.",
  },
  P1003: { severity: "error", message: "Expected {expected} but found {found}." },
  P1004: {
    severity: "error",
    message:
      "'{text}' is not a financial year. Write the start year and the next year's last two digits, such as 2019/20.",
  },
  P1005: {
    severity: "error",
    message: "Brackets are nested more than {limit} deep. Split the formula into named line items.",
  },
  P1006: {
    severity: "error",
    message:
      "The model text is {size} characters, more than the limit of {limit}. Split it into smaller models.",
  },
  P1007: {
    severity: "error",
    message:
      "This name is {length} characters long, more than the limit of {limit}. Use a shorter name and put the full wording in a label.",
  },
  P1008: {
    severity: "error",
    message:
      "Invisible text-direction control character (U+{hex}) found. Delete it: it can make a formula read differently from how it runs.",
  },
  P1009: {
    severity: "error",
    message:
      "This formula is too long ({size} operations; the limit is {limit}). Split it into named line items.",
  },
  P1010: {
    severity: "warning",
    message:
      "The name '{name}' mixes letters from different alphabets ({scripts}). Retype it using one alphabet.",
  },
  P1011: {
    severity: "error",
    message:
      "An input's values must be numbers, not formulas. Make '{name}' a calculation (remove 'input') or type the value.",
  },
  P1012: { severity: "error", message: "'{clause}' is given twice. Keep one." },
  P1013: { severity: "error", message: "'{clause}' is not allowed on {what}. {hint}" },
  P1014: {
    severity: "error",
    message:
      "if needs three parts: write 'if condition then value else other' or 'if(condition, value, other)'.",
  },
  P1015: {
    severity: "error",
    message:
      "This row has {found} values but the table header has {expected} columns. Add or remove values so they line up.",
  },
  P1016: {
    severity: "error",
    message: "The range starts at {from}, after it ends at {to}. Write the earlier year first.",
  },
  P1017: {
    severity: "error",
    message:
      "Unknown unit '{text}'. Use £, £000, £m, £bn, %, number, or a count such as properties.",
  },
  P1018: {
    severity: "error",
    message:
      "The model is too large: {what} is {size}, more than the limit of {limit}. Split the model.",
  },
  P1019: {
    severity: "error",
    message:
      "'decimals {text}' must be a whole number from 0 to {max}, such as 'decimals 3'. Change the number.",
  },
  P1020: {
    severity: "error",
    message:
      "The opening value of '{name}' must be typed in, such as 'opening £1m', not a formula. Type the value, or replace 'opening' with a separate rule for the first period.",
  },
  P1021: {
    severity: "error",
    message:
      "A line can be by one dimension only: '{name}' cannot be by '{dimensions}'. Keep one, and make a line per member of the other, or one dimension whose members are the combinations.",
  },
  P1022: {
    severity: "error",
    message:
      "'{text}' uses exponent notation, which models do not read. Write the number in full, such as {example}.",
  },
  P1024: {
    severity: "error",
    message:
      "This text is {length} characters long, more than the limit of {limit}. Shorten it, and keep long explanations in a document the source names.",
  },
  P1023: {
    severity: "error",
    message:
      "The model has {cells} values (line items × members × periods), more than the limit of {limit}, so it is not evaluated. Split it into smaller models or use fewer periods or members.",
  },
  P1025: {
    severity: "error",
    message:
      "Invisible character U+{hex} ({what}) found{where}. Delete it: it cannot be seen, and it makes a name that looks like another a different name.",
  },
  P1030: {
    severity: "error",
    message:
      "'{text}' is not a date the calendar has. Write a real day as year-month-day, such as 2018-05-04.",
  },
  P1031: {
    severity: "error",
    message: "Write dates as year-month-day: '{text}' is {iso}. Type {iso} instead.",
  },
  P1032: {
    severity: "error",
    message: "The minus goes before the pound sign: write {fix}, not {text}.",
  },
  P1033: {
    severity: "error",
    message:
      "A name cannot contain '.': '{name}'. A dot refers to a column of a record table (deposits.principal); name this one without it, such as {suggestion}.",
  },
  // P2xxx: names
  P2001: { severity: "error", message: "Unknown name '{name}'.{suggestion}" },
  P2002: { severity: "error", message: "'{name}' is already defined. Rename one of them." },
  P2003: {
    severity: "error",
    message: "'{member}' is not a member of dimension '{dimension}'.{suggestion}",
  },
  P2004: {
    severity: "error",
    message:
      "{period} is not one of the model's periods ({first} to {last}). Use a year in range or extend 'periods'.",
  },
  P2005: {
    severity: "error",
    message:
      "'{name}[{offset}]' in {period} looks before the first period. Add 'opening <value>' to '{name}', or a separate rule for {period}.",
  },
  P2006: { severity: "error", message: "Unknown dimension '{name}'.{suggestion}" },
  P2007: { severity: "error", message: "Unknown function '{name}'.{suggestion}" },
  P2008: {
    severity: "warning",
    message:
      "'{name}' looks like '{other}' but is spelled with different characters (such as I, l and 1, or O and 0, or a letter's case). Rename one so they cannot be confused.",
  },
  P2009: {
    severity: "error",
    message: "The model has no 'periods' line. Add one such as 'periods 2018/19 .. 2022/23'.",
  },
  P2010: { severity: "error", message: "'{what}' is given more than once. Keep one." },
  P2011: {
    severity: "error",
    message: "{period} is covered by two rules of '{name}'. Make the ranges not overlap.",
  },
  P2012: {
    severity: "error",
    message:
      "No rule of '{name}' covers {period}. Add a rule for it, or use an open range such as '{period} ..'.",
  },
  P2013: { severity: "error", message: "A scenario can only change inputs; '{name}' is {what}." },
  P2014: {
    severity: "error",
    message: "{period} appears twice in this table's header. Remove one column.",
  },
  P2015: {
    severity: "error",
    message: "The table has no row for '{member}'. Add a row, with 0 if there is no value.",
  },
  P2016: {
    severity: "error",
    message: "'{name}' has no dimension, so it cannot be indexed by member '{member}'.",
  },
  P2017: { severity: "error", message: "'{name}' is given twice in this dimension. Remove one." },
  P2018: {
    severity: "error",
    message:
      "'{name}' is by '{dimension}', but '{line}' has one value per period. Pick a member such as '{name}[{example}]', aggregate it, e.g. 'sum({name} over {dimension})', or make the line '{line} by {dimension}'.",
  },
  P2019: { severity: "error", message: "{function} takes {expected} but was given {found}." },
  P2020: {
    severity: "error",
    message:
      "'over' is only allowed with sum, min, max, average, wavg, sumif, count, lookup, match and round_to_total.",
  },
  P2021: { severity: "error", message: "'{name}' is a {what}, not a value. Refer to a line item." },
  P2022: {
    severity: "error",
    message: "The periods run from {first} to {last}, backwards. Write the earlier year first.",
  },
  P2023: {
    severity: "error",
    message:
      "'{name}' is a record table, one row per member: give it a dimension, as in '{example}', and refer to a column as {column}.",
  },
  P2024: {
    severity: "error",
    message:
      "'{name}' is a record table, not a value. Refer to one of its columns, such as '{column}'.",
  },
  P2025: {
    severity: "error",
    message:
      "A scenario changes one column of a record table at a time: write '{column} = ...' with a 'table value' of that column.",
  },
  P2040: {
    severity: "error",
    message:
      "'{name}' is not a parameter of {function}: a function reads only its parameters. Add '{name}' to them and pass it in each call.",
  },
  P2041: {
    severity: "error",
    message:
      "'{name}' is a parameter: it has the one value passed in the call, so it takes no '[...]'. Pick the period or member in the call instead, as in '{function}(x[-1])'.",
  },
  P2042: {
    severity: "error",
    message:
      "{what} reads other periods or members, but a function works on one period and member at a time. Use it in the line item and pass its result to the function.",
  },
  P2043: {
    severity: "error",
    message:
      "{function} calls itself ({cycle}). A function may not call itself, directly or through others: write the repeated step as a line item with '[-1]'.",
  },
  P2044: {
    severity: "error",
    message:
      "{function} has an error in its definition. Fix it there, and this line is evaluated again.",
  },
  P2045: {
    severity: "error",
    message:
      "Give the parameter '{name}' a unit, as in '{name} (£)', or (%), (number), (date) or (text): a call is checked against it.",
  },
  P2046: {
    severity: "error",
    message: "'{name}' is a built-in function. Give your function another name.",
  },
  // P3xxx: units and types
  P3001: {
    severity: "error",
    message: "Cannot {verb} '{left}' and '{right}'. Convert one side so both have the same unit.",
  },
  P3002: {
    severity: "error",
    message:
      "'{name}' is declared in '{declared}' but its formula gives '{inferred}'. Fix the formula or the declared unit.",
  },
  P3003: {
    severity: "error",
    message:
      "A {form} value cannot go in a line item measured in '{unit}'. Type a plain number or change the unit.",
  },
  P3004: {
    severity: "error",
    message:
      "Expected a condition (true or false) here, found {found}. Compare values, e.g. 'x > 0'.",
  },
  P3005: { severity: "error", message: "Expected a number here, found {found}." },
  P3006: {
    severity: "error",
    message:
      "Dimensions do not match: '{left}' and '{right}'. Aggregate with sum(... over ...) or pick a member.",
  },
  P3007: {
    severity: "error",
    message: "The power in x ^ n must be a plain number, found '{unit}'.",
  },
  P3008: {
    severity: "error",
    message: "Argument {position} of {function} should be {expected}, found '{found}'.",
  },
  P3009: {
    severity: "error",
    message:
      "The tolerance is in '{tolerance}' but the values compared are in '{unit}'. Use the same unit.",
  },
  P3010: {
    severity: "warning",
    message: "In a formula, ({text}) is a positive number. Write -{text} if you mean a negative.",
  },
  P3011: {
    severity: "error",
    message: "The two results of this if differ: '{left}' and '{right}'. Make both the same unit.",
  },
  P3012: {
    severity: "error",
    message:
      "A check must be a condition (true or false) or a comparison with 'within'; found {found}.",
  },
  P3013: {
    severity: "warning",
    message:
      "'{name}' has no declared unit; its formula gives '{inferred}'. Add '({inferred})' after the name.",
  },
  P3014: {
    severity: "error",
    message:
      "'{text}' reads '{name}' as a count unit, but '{name}' is also a {what}. To multiply, write '{number} * {name}'. To count {name}, rename the {what} (such as '{name}_count'); in a comparison a plain '{number}' also takes the other side's unit.",
  },
  P3020: {
    severity: "error",
    message:
      "Cannot {what}. A date can be compared with another, subtracted from one (giving days), or moved by a number of days or by add_months.",
  },
  P3021: {
    severity: "error",
    message:
      "This line is measured in dates, so its values are dates such as 2018-05-04; found {found}. Type a date, or change the unit.",
  },
  P3022: {
    severity: "error",
    message:
      "An input holds numbers or text, not both; found {found}. Put text in quotes in every value, or numbers in every value, or make two inputs.",
  },
  P3015: {
    severity: "error",
    message: "Only '=' takes a tolerance; found '{op}' before 'within'. Write 'a = b within t'.",
  },
  // P4xxx: evaluation (the engine reports these)
  P4001: {
    severity: "error",
    message: "Division by zero in {period}. Guard the formula with if(divisor = 0, ..., ...).",
  },
  P4002: {
    severity: "error",
    message: "No opening value for '{name}' before the first period. Add 'opening <value>'.",
  },
  P4003: { severity: "error", message: "{what} is out of range in {period}: {detail}" },
  P4004: {
    severity: "error",
    message:
      "These line items depend on each other in a circle: {names}. Break the cycle, e.g. with x[-1].",
  },
  P4005: { severity: "error", message: "{function} found no solution: {detail}" },
  P4006: {
    severity: "error",
    message: "{function}: the condition is never met within the model's periods.",
  },
  P4007: { severity: "error", message: "Check '{name}' fails in {period}: {detail}" },
  P4008: { severity: "error", message: "Wrong kind of value at run time in {period}: {detail}" },
  P4009: {
    severity: "error",
    message:
      "{what} in {period} is too {size}: Precept holds 0 and numbers from 10^-{limit} to 10^{limit}, to {digits} significant digits. Look for growth that compounds without end, or a power with a huge exponent.",
  },
  P4010: {
    severity: "error",
    message:
      "'{name}' needs more than {limit} steps to compute {period}. Simplify the formula: an aggregate inside another aggregate multiplies the work.",
  },
  P4012: {
    severity: "error",
    message:
      "No {what} meets the condition of {function} in {period}. Check the key it looks for, or give lookup a default as its third argument.",
  },
  P4011: {
    severity: "warning",
    message:
      "'{name}': the {what} runs past {period}, the model's last period, with {amount} outstanding then; its later interest and repayments are not in the model. Extend the periods to show them.",
  },
  // P5xxx: persistence and import
  P5001: {
    severity: "error",
    message: "The file is {size} bytes, more than the limit of {limit}. Split the model.",
  },
  P5002: { severity: "error", message: "This is not a Precept file: {detail}" },
  P5003: {
    severity: "error",
    message: "The browser's storage is full. Export your models, then delete old versions.",
  },
  P5004: {
    severity: "warning",
    message:
      "This model was changed in another tab. Reload to see the latest version before saving.",
  },
  P5005: {
    severity: "error",
    message: "Saving failed: {detail}. Your text is still in the editor; export it to keep a copy.",
  },
  P5006: {
    severity: "warning",
    message:
      "Saving would replace a model of {size} lines with an almost empty one. Confirm to save anyway.",
  },
  P5007: {
    severity: "error",
    message:
      "The model or version '{name}' was not found (it may be in the trash). Restore it from the trash or pick another.",
  },
  P5008: {
    severity: "error",
    message: "This backup file cannot be read: {detail}. Check you picked a Precept backup.",
  },
  P5009: {
    severity: "warning",
    message: "The saved data was upgraded by another tab. Reload this tab to continue.",
  },
  P5010: {
    severity: "error",
    message: "The name '{name}' is empty or already used. Choose another name.",
  },
} as const;

/** A stable diagnostic code, such as "P3001". */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/** How serious a diagnostic is; only errors make a model invalid. */
export type Severity = "error" | "warning" | "info";

/** Every code in the catalog, in order. */
export const allDiagnosticCodes = Object.keys(diagnosticCodes) as readonly DiagnosticCode[];
