import type { ImportIssue, ImportRow, ImportRowStatus } from '@dutylist/shared';

export const SEVERITY_TAGS: Record<ImportIssue['severity'], { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

export const ROW_STATUS_TAGS: Record<ImportRowStatus, { label: string; color: string }> = {
  unchanged: { label: '未变', color: 'default' },
  changed: { label: '修改', color: 'gold' },
  added: { label: '新增', color: 'green' },
};

/** A stable key for a document row (序号 can repeat in a damaged document; the line cannot). */
export function importRowKey(row: Pick<ImportRow, 'table' | 'seq' | 'line'>): string {
  return `${row.table}-${row.seq}-${row.line}`;
}

/** The row an issue is about: by table and 序号 first, then by line number. */
export function findIssueRow(rows: readonly ImportRow[], issue: ImportIssue): ImportRow | undefined {
  if (issue.list !== null && issue.seq !== null) {
    const bySeq = rows.find((row) => row.table === issue.list && row.seq === issue.seq);
    if (bySeq) return bySeq;
  }
  if (issue.line !== null) return rows.find((row) => row.line === issue.line);
  return undefined;
}
