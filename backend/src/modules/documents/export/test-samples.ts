import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_TABLES, generateExplanation, type DutyListExportInput, toExportItem } from '@dutylist/shared';
import { parseDutyListDocument, type ParsedDutyListDocument } from '@dutylist/shared/dist/document/parse-document';
import { parseDutyListFile } from '@dutylist/shared/dist/document/office';

/** Parses an exported .docx/.xlsx with the same reader the import uses. */
export function parseOfficeFile(bytes: Uint8Array): Promise<ParsedDutyListDocument> {
  return parseDutyListFile(bytes);
}

/** The four real sample documents of the demo (backend/demo-data/documents). */
export const SAMPLES = ['biliuhe', 'santai', 'aheqi', 'baiyanghe'] as const;

export function parseSample(name: (typeof SAMPLES)[number]): ParsedDutyListDocument {
  return parseDutyListDocument(readFileSync(join(__dirname, '../../../../demo-data/documents', `${name}.txt`)));
}

/** What an export has to carry over: the fields of every item, per table, in order. */
export function itemFields(doc: Pick<ParsedDutyListDocument, 'lists'>) {
  return LIST_TABLES.map((table) => doc.lists[table].map(toExportItem));
}

export function exportInput(doc: ParsedDutyListDocument, edition = 2025): DutyListExportInput {
  return {
    region: doc.region,
    prefecture: doc.prefecture,
    county: doc.county,
    township: doc.township,
    edition,
    explanation: doc.explanation ?? null,
    items: doc.lists,
  };
}

/** The counts a document states in its 说明 must be the counts of its tables. */
export function actualCounts(doc: Pick<ParsedDutyListDocument, 'lists'>) {
  const [basic, cooperative, revoked] = LIST_TABLES.map((t) => doc.lists[t].length);
  return { basic, cooperative, revoked, total: basic + cooperative + revoked };
}

/** An exported-then-parsed list says what the original said: items, title, counts, 说明, no doubts. */
export function expectSameList(again: ParsedDutyListDocument, original: ParsedDutyListDocument): void {
  expect(itemFields(again)).toEqual(itemFields(original));
  expect([again.prefecture, again.county, again.township]).toEqual([
    original.prefecture,
    original.county,
    original.township,
  ]);
  expect(again.statedCounts).toEqual(actualCounts(original));
  expect(again.explanation?.content).toBe(
    generateExplanation(exportInput(original)).sections.at(-1)!.paragraphs.join('\n'),
  );
  expect(again.issues.filter((i) => i.severity !== 'info')).toEqual([]);
}
