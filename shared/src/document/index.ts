export * from './decode';
export * from './document-error';
export { DUTY_LIST_ISSUE_CODES, type DutyListIssue, type DutyListIssueCode, type IssueSeverity } from './issues';
export * from './normalize';
export * from './parse-document';
export type { DutyListRow } from './rows';
export * from './title-block';
export * from './validate';
export * from './format-text';
