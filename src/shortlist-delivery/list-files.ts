import PDFDocument from "pdfkit";
import { writeXlsx } from "../exports/write-xlsx.js";
import { foldName } from "../reference/fold-name.js";
import { LIST_COLUMNS, listRows } from "./list-table.js";
import type { MinimisedListView } from "./minimised-list-view.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PDF_TYPE = "application/pdf";

/** The file name both formats share: the vacancy's profile, readable and safe in a header. */
export function listFileName(view: MinimisedListView, extension: "xlsx" | "pdf"): string {
  const profile = foldName(view.vacancy.requestedProfile).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `rosa-${profile || "offerta"}.${extension}`;
}

export const listXlsx = (view: MinimisedListView): Promise<Buffer> => writeXlsx("Rosa", LIST_COLUMNS, listRows(view));

const heading = (view: MinimisedListView) => `Rosa di candidati – «${view.vacancy.requestedProfile}»`;

/**
 * A printable list (A4, the PDF's built-in Helvetica, nothing downloaded): the vacancy's facts, then one
 * block per person with the same columns as the .xlsx, then whom to contact at the CPI.
 */
export function listPdf(view: MinimisedListView): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: heading(view), Author: "Vetrina", Creator: "Vetrina" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const v = view.vacancy;
  doc.font("Helvetica-Bold").fontSize(16).text(heading(view));
  doc.font("Helvetica").fontSize(10).moveDown(0.5);
  doc.text(`${v.companyName} · ${v.positions} posizioni · sede: ${v.workplace ?? "non indicata"} · ${v.cpi}`);
  if (v.contractOffer) doc.text(`Proposta contrattuale: ${v.contractOffer}`);
  doc.text(`Stato della rosa: ${view.statusLabel}${view.sentAt ? ` · inviata il ${view.sentAt.slice(0, 10)}` : ""}`);
  if (view.readOnlyMessage) doc.text(view.readOnlyMessage);
  listRows(view).forEach((row, i) => {
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(12).text(`${i + 1}. ${row[0]}`);
    doc.font("Helvetica").fontSize(10);
    LIST_COLUMNS.slice(1).forEach((column, c) => doc.text(`${column}: ${row[c + 1] || "—"}`));
  });
  doc.moveDown();
  const r = view.referent;
  doc.fontSize(9).text(`Referente del centro per l'impiego: ${[r.name, r.email].filter(Boolean).join(", ") || "non indicato"} (${r.cpi}).`);
  doc.text("Documento riservato: contiene dati personali da usare solo per la selezione di questa offerta.");
  doc.end();
  return done;
}
