/**
 * Reads what Chromium printed (`page.pdf()`): each sheet's text, with the
 * size it is printed at, through Mozilla's PDF.js (`pdfjs-dist`), so that a
 * test can check the paper itself: how many sheets, which text, how large,
 * and that nothing is printed twice.
 */
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A run of text on a sheet, with its font size in points. */
export interface PrintedText {
  text: string;
  size: number;
}

/** A printed sheet: its runs of text in reading order, and all of it as one string. */
export interface PrintedSheet {
  runs: PrintedText[];
  text: string;
}

/** The sheets of a PDF. */
export async function readPdf(pdf: Uint8Array | Buffer): Promise<PrintedSheet[]> {
  const document = await getDocument({data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false}).promise;
  const sheets: PrintedSheet[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const runs: PrintedText[] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // The transform's scale is the font size in PDF units (points).
      const size = Math.round(Math.hypot(item.transform[0] as number, item.transform[1] as number) * 10) / 10;
      if (item.str.trim() !== '') runs.push({text: item.str, size});
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    sheets.push({runs, text: text.replace(/[ \t]+/g, ' ')});
  }
  await document.destroy();
  return sheets;
}

/** All the text of a PDF with white space collapsed, for "printed once" checks. */
export function flatText(sheets: readonly PrintedSheet[]): string {
  return sheets
    .map((sheet) => sheet.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
