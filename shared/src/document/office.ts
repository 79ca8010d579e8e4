/**
 * .docx and .xlsx duty lists (Node only: not exported from the package index, so the browser bundle
 * never loads mammoth or exceljs). Each table row becomes one tab-separated line numbered by its
 * row, then goes through the same parser as text documents.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { NotADutyListError } from './document-error';
import { parseTableTitle } from './headers';
import {
  type ParseDutyListOptions,
  type ParsedDutyListDocument,
  type SourceLine,
  parseDutyListDocument,
  parseDutyListLines,
} from './parse-document';

export type OfficeFormat = 'docx' | 'xlsx';

/** A zip whose entries are a Word document or an Excel workbook, from the names in its directory. */
export function detectOfficeFormat(bytes: Uint8Array): OfficeFormat | null {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return null;
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** One cell: white space and line breaks collapsed; tabs cannot survive since they separate cells. */
function cellLine(cells: string[]): string {
  return cells.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlText(html: string): string {
  return html
    .replace(/<\/(?:p|li|h\d)>/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Rows of an HTML table with row and column spans expanded (a merged 事项类别 fills every row it spans). */
function tableRows(tableHtml: string): string[][] {
  const rows: string[][] = [];
  const carried: Array<{ text: string; left: number } | undefined> = [];
  for (const tr of tableHtml.match(/<tr[\s>][\s\S]*?<\/tr>/gi) ?? []) {
    const row: string[] = [];
    const cells = tr.match(/<t[dh](?:\s[^>]*)?>[\s\S]*?<\/t[dh]>/gi) ?? [];
    let column = 0;
    const fillCarried = () => {
      while (carried[column]) {
        const c = carried[column] as { text: string; left: number };
        row.push(c.text);
        c.left -= 1;
        if (c.left === 0) carried[column] = undefined;
        column += 1;
      }
    };
    for (const cell of cells) {
      fillCarried();
      const open = /^<t[dh]([^>]*)>/i.exec(cell)?.[1] ?? '';
      const text = htmlText(cell);
      const rowspan = Number(/rowspan="?(\d+)/i.exec(open)?.[1] ?? 1);
      const colspan = Number(/colspan="?(\d+)/i.exec(open)?.[1] ?? 1);
      for (let i = 0; i < colspan; i += 1) {
        row.push(i === 0 ? text : '');
        if (rowspan > 1) carried[column] = { text, left: rowspan - 1 };
        column += 1;
      }
    }
    fillCarried();
    rows.push(row);
  }
  return rows;
}

/** The paragraphs and table rows of a .docx, in order, numbered from 1. */
export async function docxLines(bytes: Uint8Array): Promise<SourceLine[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const lines: string[] = [];
  for (const block of html.match(/<table[\s>][\s\S]*?<\/table>|<(p|h\d)[\s>][\s\S]*?<\/\1>/gi) ?? []) {
    if (/^<table/i.test(block)) {
      lines.push('');
      for (const row of tableRows(block)) lines.push(cellLine(row));
      lines.push('');
    } else {
      lines.push(htmlText(block));
    }
  }
  return lines.map((text, i) => ({ text, line: i + 1 }));
}

/** The rows of every sheet of an .xlsx, each numbered by its row in the sheet; the sheet name acts as a title. */
export async function xlsxLines(bytes: Uint8Array): Promise<SourceLine[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: SourceLine[] = [];
  workbook.eachSheet((sheet) => {
    lines.push({ text: '', line: 0 });
    // A sheet named like a table (配合履职事项清单) titles it; other names (Sheet1) are not content.
    if (parseTableTitle(sheet.name)) lines.push({ text: sheet.name, line: 1 });
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).text ?? '');
      lines.push({ text: cellLine(cells), line: row.number });
    });
  });
  return lines;
}

/**
 * Parse a duty list from a file's bytes, whatever its format: .docx, .xlsx, or text in any of the
 * encodings parseDutyListDocument reads.
 */
export async function parseDutyListFile(
  bytes: Uint8Array,
  options: ParseDutyListOptions = {},
): Promise<ParsedDutyListDocument> {
  const format = detectOfficeFormat(bytes);
  if (!format) return parseDutyListDocument(bytes, options);
  let lines: SourceLine[];
  try {
    lines = format === 'docx' ? await docxLines(bytes) : await xlsxLines(bytes);
  } catch (error) {
    throw new NotADutyListError('UNREADABLE', (error as Error).message);
  }
  if (!lines.some((l) => l.text.trim())) throw new NotADutyListError('EMPTY');
  return parseDutyListLines(lines, 'utf-8', options);
}
