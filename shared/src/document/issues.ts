import type { ListTable } from '../enums';

/** Stable codes of the doubts the parser and the validation rules report. */
export const DUTY_LIST_ISSUE_CODES = {
  /** The text was not UTF-8 (GBK/GB18030 or UTF-16) and was converted. */
  ENCODING_CONVERTED: 'ENCODING_CONVERTED',
  /** Some bytes of a UTF-8 text were invalid and were replaced by U+FFFD. */
  ENCODING_INVALID_BYTES: 'ENCODING_INVALID_BYTES',
  TITLE_INCOMPLETE: 'TITLE_INCOMPLETE',
  TABLE_TITLE_MISSING: 'TABLE_TITLE_MISSING',
  TABLE_TITLE_MISSPELT: 'TABLE_TITLE_MISSPELT',
  TABLE_MISSING: 'TABLE_MISSING',
  TABLE_EMPTY: 'TABLE_EMPTY',
  ROW_CONTINUED: 'ROW_CONTINUED',
  CONTINUATION_AMBIGUOUS: 'CONTINUATION_AMBIGUOUS',
  TEXT_OUTSIDE_TABLE: 'TEXT_OUTSIDE_TABLE',
  SPACES_REMOVED: 'SPACES_REMOVED',
  CATEGORY_BLANK: 'CATEGORY_BLANK',
  CATEGORY_UNKNOWN: 'CATEGORY_UNKNOWN',
  CATEGORY_INFERRED: 'CATEGORY_INFERRED',
  CATEGORY_CORRECTED: 'CATEGORY_CORRECTED',
  CATEGORY_OUT_OF_ORDER: 'CATEGORY_OUT_OF_ORDER',
  NAME_BLANK: 'NAME_BLANK',
  COLUMN_SHIFT: 'COLUMN_SHIFT',
  SEQ_UNREADABLE: 'SEQ_UNREADABLE',
  SEQ_GAP: 'SEQ_GAP',
  SEQ_DUPLICATE: 'SEQ_DUPLICATE',
  SEQ_NOT_FROM_ONE: 'SEQ_NOT_FROM_ONE',
  COUNT_MISMATCH: 'COUNT_MISMATCH',
  TOTAL_MISMATCH: 'TOTAL_MISMATCH',
  DEPARTMENT_MISSING: 'DEPARTMENT_MISSING',
  DUTIES_MISSING: 'DUTIES_MISSING',
  UNDERTAKER_MISSING: 'UNDERTAKER_MISSING',
  DUPLICATE_IN_TABLE: 'DUPLICATE_IN_TABLE',
  DUPLICATE_ACROSS_TABLES: 'DUPLICATE_ACROSS_TABLES',
} as const;
export type DutyListIssueCode = keyof typeof DUTY_LIST_ISSUE_CODES;

export type IssueSeverity = 'error' | 'warning' | 'info';

/** One doubt about a document or a draft, with the line (or row) it concerns. */
export interface DutyListIssue {
  severity: IssueSeverity;
  code: DutyListIssueCode;
  /** 1-based line in the text (row number for spreadsheets); null when it concerns the whole list. */
  line: number | null;
  list: ListTable | null;
  seq: number | null;
  /** Human message in Chinese. */
  message: string;
}

/** Build an issue with the optional fields filled with null. */
export function issue(
  severity: IssueSeverity,
  code: DutyListIssueCode,
  message: string,
  at: { line?: number | null; list?: ListTable | null; seq?: number | null } = {},
): DutyListIssue {
  return { severity, code, line: at.line ?? null, list: at.list ?? null, seq: at.seq ?? null, message };
}
