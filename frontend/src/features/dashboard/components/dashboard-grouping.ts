import { LIST_STAGES, type DashboardRow, type ListStage } from '@dutylist/shared';

/** How rows are grouped: a county sees its townships, a prefecture groups by county, the region by prefecture → county. */
export type DashboardGrouping = 'none' | 'county' | 'prefecture';

export interface DashboardTotals {
  lists: number;
  /** Lists the county has approved (or that went further). */
  countyApproved: number;
  overdue: number;
  items: DashboardRow['items'];
  unresolvedThreads: number;
}

export interface ListRecord {
  kind: 'list';
  key: string;
  row: DashboardRow;
}

export interface GroupRecord {
  kind: 'group';
  key: string;
  level: 'prefecture' | 'county';
  name: string;
  totals: DashboardTotals;
  children: DashboardRecord[];
}

export type DashboardRecord = ListRecord | GroupRecord;

const COUNTY_APPROVED_INDEX = LIST_STAGES.indexOf('county_approved');

export function isPastCounty(stage: ListStage): boolean {
  return LIST_STAGES.indexOf(stage) >= COUNTY_APPROVED_INDEX;
}

export function totalsOf(rows: readonly DashboardRow[]): DashboardTotals {
  const totals: DashboardTotals = {
    lists: rows.length,
    countyApproved: 0,
    overdue: 0,
    items: { total: 0, approved: 0, returned: 0, open: 0 },
    unresolvedThreads: 0,
  };
  for (const row of rows) {
    if (isPastCounty(row.stage)) totals.countyApproved += 1;
    if (row.overdue) totals.overdue += 1;
    totals.items.total += row.items.total;
    totals.items.approved += row.items.approved;
    totals.items.returned += row.items.returned;
    totals.items.open += row.items.open;
    totals.unresolvedThreads += row.unresolvedThreads;
  }
  return totals;
}

/** Share of items the county approved, as a whole percent (0 when there are no items). */
export function approvedPercent(items: DashboardRow['items']): number {
  return items.total === 0 ? 0 : Math.round((items.approved / items.total) * 100);
}

function groupBy(
  rows: readonly DashboardRow[],
  level: 'prefecture' | 'county',
  inner: (rows: DashboardRow[]) => DashboardRecord[],
): GroupRecord[] {
  const groups = new Map<string, { name: string; rows: DashboardRow[] }>();
  for (const row of rows) {
    const org = row[level];
    const group = groups.get(org.id) ?? { name: org.name, rows: [] };
    group.rows.push(row);
    groups.set(org.id, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name, 'zh-CN'))
    .map(([id, group]) => ({
      kind: 'group',
      key: `${level}:${id}`,
      level,
      name: group.name,
      totals: totalsOf(group.rows),
      children: inner(group.rows),
    }));
}

function listRecords(rows: readonly DashboardRow[]): ListRecord[] {
  return [...rows]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.township.name.localeCompare(b.township.name, 'zh-CN'))
    .map((row) => ({ kind: 'list', key: row.listId, row }));
}

/** The table's tree: list rows, under county groups, under prefecture groups, as the grouping asks. */
export function buildDashboardTree(rows: readonly DashboardRow[], grouping: DashboardGrouping): DashboardRecord[] {
  if (grouping === 'none') return listRecords(rows);
  if (grouping === 'county') return groupBy(rows, 'county', listRecords);
  return groupBy(rows, 'prefecture', (inPrefecture) => groupBy(inPrefecture, 'county', listRecords));
}

/** Keys of every group row in the tree (all expanded by default). */
export function groupKeys(records: readonly DashboardRecord[]): string[] {
  return records.flatMap((record) => (record.kind === 'group' ? [record.key, ...groupKeys(record.children)] : []));
}

export interface DashboardFilter {
  stages: ListStage[];
  overdueOnly: boolean;
}

export function filterRows(rows: readonly DashboardRow[], filter: DashboardFilter): DashboardRow[] {
  return rows.filter(
    (row) => (filter.stages.length === 0 || filter.stages.includes(row.stage)) && (!filter.overdueOnly || row.overdue),
  );
}
