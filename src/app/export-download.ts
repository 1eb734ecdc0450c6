/**
 * The workbench's exports: the worker builds the workbook plan and the grid's CSV for the
 * evaluation shown; the page writes the `.xlsx` with exceljs, imported only when first asked for
 * (it is a separate chunk, not in the main bundle), and offers the file as a download.
 */
import type { WorkbenchCaller } from "../ui/stores";
import type { ExportFormat } from "../ui/shell";

/** A file name made from a model's name: characters file systems refuse become dashes. */
export function exportFileName(model: string, format: ExportFormat): string {
  return `${model.replace(/[\\/:*?"<>|]+/g, "-")}.${format}`;
}

/** Saves `data` as a download called `name`. */
export function offerDownload(data: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Exports the evaluation shown as `format` and downloads it; false when the worker failed. */
export async function exportAndDownload(
  client: WorkbenchCaller,
  revision: number,
  model: string,
  format: ExportFormat,
): Promise<boolean> {
  const dto = await client.call((api) => api.exportModel(revision));
  if (dto === null) return false;
  const name = exportFileName(model, format);
  if (format === "csv") {
    offerDownload(dto.csv, "text/csv;charset=utf-8", name);
    return true;
  }
  const { writeXlsx } = await import("../export/xlsx");
  const bytes = await writeXlsx(dto.plan);
  offerDownload(
    bytes as Uint8Array<ArrayBuffer>,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    name,
  );
  return true;
}
