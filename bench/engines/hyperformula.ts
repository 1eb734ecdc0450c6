// HyperFormula, the peer: runs one workload as sheets and prints one JSON result line.
// Usage: node --expose-gc --import tsx bench/engines/hyperformula.ts <workload id>
// HyperFormula is GPL-3.0 (or commercial): a development dependency for benchmarks only.
import { HyperFormula } from "hyperformula";
import type { SimpleCellAddress } from "hyperformula";
import { runEngine, type EngineSession } from "../lib/engine-runner";
import type { SheetCell, Workbook } from "../lib/workload";

/** Defaults, with the GPL licence key, room for the chain's 100,000 rows (the default limit is
 * 40,000), and without rounding of read values: they are compared with Precept's exact ones, and
 * the rounding applies to output only. */
const config = { licenseKey: "gpl-v3", maxRows: 1_048_576, smartRounding: false } as const;

function address(hf: HyperFormula, cell: SheetCell): SimpleCellAddress {
  const sheet = hf.getSheetId(cell.sheet);
  if (sheet === undefined) throw new Error(`no sheet '${cell.sheet}'`);
  return { sheet, row: cell.row, col: cell.col };
}

function open(workbook: Workbook): EngineSession<{ at: SimpleCellAddress; value: number }> {
  const hf = HyperFormula.buildFromSheets(workbook, config);
  return {
    prepare: (edit, value) => ({ at: address(hf, edit.sheet), value: value.number }),
    apply: (payload) => {
      hf.setCellContents(payload.at, payload.value);
    },
    read: (sample) => {
      const value = hf.getCellValue(address(hf, sample.sheet));
      if (typeof value !== "number") throw new Error(`${sample.label}: ${JSON.stringify(value)}`);
      return String(value);
    },
    dispose: () => {
      hf.destroy();
    },
  };
}

runEngine({ name: "HyperFormula", source: (w) => w.workbook(), load: open });
