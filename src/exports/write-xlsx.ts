import ExcelJS from "exceljs";

/**
 * A one-sheet workbook as offices like it: bold frozen header, filters on, readable column widths.
 * Values are written as given (text stays text, so "01234567897" keeps its leading zero).
 */
export async function writeXlsx(sheetName: string, headers: readonly string[], rows: readonly (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vetrina";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => v ?? null));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  headers.forEach((h, i) => {
    const longest = rows.reduce((max, r) => Math.max(max, String(r[i] ?? "").length), h.length);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
