import type { ListTable } from '../enums';
import { parseDutyListDocument } from './parse-document';
import type { DutyListRow } from './rows';
import type { DocumentTitle } from './title-block';

/** A row of a parsed table (kept for the demo seed; same shape as DutyListRow). */
export type ParsedRow = DutyListRow;
export type ParsedTitle = DocumentTitle;

export interface ParsedDocument {
  title: ParsedTitle;
  lists: Record<ListTable, ParsedRow[]>;
}

/**
 * Parse the plain-text form of a duty list into its title and three tables, without the issue
 * report. Thin wrapper over parseDutyListDocument, which also reports every doubt.
 */
export function parseDutyListText(text: string): ParsedDocument {
  const doc = parseDutyListDocument(text, { validate: false });
  return {
    title: { region: doc.region, prefecture: doc.prefecture, county: doc.county, township: doc.township },
    lists: doc.lists,
  };
}
