import { Alert, App, Badge, Empty, Flex, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  LIST_TABLE_SHORT_LABELS,
  LIST_TABLES,
  type DiffSummary,
  type ListDetail,
  type ListDiff,
  type ListDiffEntry,
  type ListTable,
  type StatedCountsDiff,
} from '@dutylist/shared';
import { ErrorState } from '@/components/error-state';
import { useCurrentUser } from '@/features/auth/hooks/use-current-user';
import { ItemHistoryDrawer } from '@/features/reviews/components/item-history-drawer';
import { useRowKeyboard } from '@/features/reviews/hooks/use-row-keyboard';
import { errorMessage } from '@/lib/api-client';
import { useDiff } from '../hooks/use-diff';
import { useLoadSinceMyDecision } from '../hooks/use-since-my-decision';
import {
  DEFAULT_DIFF_FILTERS,
  byTable,
  categoriesOf,
  changeCounts,
  entryId,
  entryItem,
  entryTable,
  filterEntries,
  stepChange,
  type DiffFilters,
} from './diff-filters';
import { DiffFiltersBar } from './diff-filters-bar';
import { DiffTable, type DiffMode, type DiffTableRef } from './diff-table';
import { DiffToolbar, type SideValue } from './diff-toolbar';

const STYLES = `
.diff-row-focused > td, .diff-row-focused > .ant-table-cell { background: #e6f4ff !important; }
.diff-row-focused > td:first-child, .diff-row-focused > .ant-table-cell:first-child { box-shadow: inset 3px 0 0 #1d5fbf; }
.diff-row-added > td, .diff-row-added > .ant-table-cell { background: #f6ffed; }
.diff-row-removed > td, .diff-row-removed > .ant-table-cell { background: #fff1f0; }
`;

const TABLE_HEIGHT = 620;

const STATED_LABELS: Record<StatedCountsDiff['changes'][number]['key'], string> = {
  basic: '基本履职事项',
  cooperative: '配合履职事项',
  revoked: '上级部门收回事项',
  total: '总数',
};

function parseSide(value: string | null): SideValue | undefined {
  if (value === 'draft') return 'draft';
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function SummaryLine({ summary, includeRenumbered }: { summary: DiffSummary; includeRenumbered: boolean }) {
  const t = summary.total;
  const changes = t.added + t.removed + t.modified + t.moved + t.categoryChanged;
  const parts = [
    `新增 ${t.added} 项`,
    `删除 ${t.removed} 项`,
    `修改 ${t.modified} 项`,
    `移动 ${t.moved} 项`,
    `类别变更 ${t.categoryChanged} 项`,
  ];
  if (includeRenumbered) parts.push(`仅序号变化 ${t.renumbered} 项`);
  return (
    <Typography.Text data-testid="diff-summary">
      {changes === 0 ? '两个版本之间没有修改。' : parts.join('，')}
      <Typography.Text type="secondary">{`（原 ${t.before} 项 → 现 ${t.after} 项）`}</Typography.Text>
    </Typography.Text>
  );
}

/**
 * Two rounds of a list side by side, item by item: choose the rounds, switch tables (with their change
 * counts), filter, read the word-level changes inline or side by side, and step through the changes with
 * the keyboard. The pair lives in the URL (`?from=1&to=2`), so a link shows the same comparison.
 */
export function DiffView({ list }: { list: ListDetail }) {
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const from = parseSide(searchParams.get('from'));
  const to = parseSide(searchParams.get('to'));
  const [includeRenumbered, setIncludeRenumbered] = useState(false);
  const [mode, setMode] = useState<DiffMode>('inline');
  const [filters, setFilters] = useState<DiffFilters>(DEFAULT_DIFF_FILTERS);
  const [activeTab, setActiveTab] = useState<ListTable | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [history, setHistory] = useState<{ id: string; name: string } | null>(null);
  const [sinceLoading, setSinceLoading] = useState(false);
  const tableRef = useRef<DiffTableRef>(null);
  const pendingScroll = useRef<string | null>(null);

  const me = useCurrentUser();
  const isReviewer = me.data?.can.reviewLists ?? false;
  const diffQuery = useDiff(list.id, {
    from: typeof from === 'number' ? from : undefined,
    to,
    includeRenumbered,
  });
  const diff: ListDiff | undefined = diffQuery.data;
  const loadSince = useLoadSinceMyDecision(list.id);

  const shown = useMemo(() => (diff ? filterEntries(diff, filters) : []), [diff, filters]);
  const shownByTable = useMemo(() => byTable(shown), [shown]);
  const counts = useMemo(() => (diff ? changeCounts(diff) : null), [diff]);
  const categories = useMemo(() => (diff ? categoriesOf(diff) : []), [diff]);
  const tab: ListTable = activeTab ?? (counts ? (LIST_TABLES.find((t) => counts[t] > 0) ?? 'basic') : 'basic');

  const setPair = (nextFrom: number, nextTo: SideValue) => {
    setSearchParams({ from: String(nextFrom), to: String(nextTo) }, { replace: true });
    setFocusedId(null);
  };

  const focus = useCallback((entry: ListDiffEntry | null) => {
    if (!entry) return;
    const id = entryId(entry);
    setActiveTab(entryTable(entry));
    setFocusedId(id);
    pendingScroll.current = id;
  }, []);

  // Scroll the focused row into view once its tab is rendered (virtual tables scroll by key).
  useEffect(() => {
    const id = pendingScroll.current;
    if (!id) return;
    pendingScroll.current = null;
    const row = document.querySelector(`[data-testid="diff-row"][data-item-id="${id}"]`);
    if (row instanceof HTMLElement) row.scrollIntoView({ block: 'nearest' });
    else tableRef.current?.scrollTo({ key: id });
  }, [focusedId, tab]);

  useRowKeyboard(
    {
      n: () => focus(stepChange(shown, focusedId, 1)),
      j: () => focus(stepChange(shown, focusedId, 1)),
      p: () => focus(stepChange(shown, focusedId, -1)),
      k: () => focus(stepChange(shown, focusedId, -1)),
    },
    !!diff,
  );

  const onSinceMyDecision = async () => {
    setSinceLoading(true);
    try {
      const since = await loadSince();
      if (!since.from || since.from.kind !== 'version') {
        void message.info('您在这份清单上还没有作出过审核决定');
        return;
      }
      setPair(since.from.version.number, since.to.kind === 'version' ? since.to.version.number : 'draft');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSinceLoading(false);
    }
  };

  if (diffQuery.isError) {
    const noVersion = (diffQuery.error as { code?: string }).code === 'NO_VERSION';
    return noVersion ? (
      <Empty description="该清单尚未报送，还没有可对比的版本" data-testid="diff-no-version" />
    ) : (
      <ErrorState error={diffQuery.error} onRetry={() => void diffQuery.refetch()} />
    );
  }
  if (!diff || !counts) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin tip="正在对比…">
          <div style={{ width: 120, height: 40 }} />
        </Spin>
      </Flex>
    );
  }

  const fromNumber = diff.from?.kind === 'version' ? diff.from.version.number : null;
  const toValue: SideValue = diff.to.kind === 'version' ? diff.to.version.number : 'draft';
  const stated = diff.statedCounts?.changes ?? [];

  return (
    <div>
      <style>{STYLES}</style>
      <DiffToolbar
        list={list}
        from={fromNumber}
        to={toValue}
        onChange={setPair}
        mode={mode}
        onModeChange={setMode}
        onSinceMyDecision={isReviewer ? () => void onSinceMyDecision() : undefined}
        sinceLoading={sinceLoading}
      />
      <Flex vertical gap={8} style={{ marginBottom: 8 }}>
        <SummaryLine summary={diff.summary} includeRenumbered={diff.includeRenumbered} />
        {stated.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="diff-stated-counts"
            message={`说明中的事项数有变化：${stated
              .map((c) => `${STATED_LABELS[c.key]} ${c.before ?? '未写明'} → ${c.after ?? '未写明'}`)
              .join('；')}`}
          />
        )}
      </Flex>
      <DiffFiltersBar
        filters={filters}
        onChange={setFilters}
        categories={categories}
        includeRenumbered={includeRenumbered}
        onIncludeRenumberedChange={setIncludeRenumbered}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setActiveTab(key as ListTable)}
        destroyOnHidden
        items={LIST_TABLES.map((table) => ({
          key: table,
          label: (
            <span data-testid={`diff-tab-${table}`}>
              {LIST_TABLE_SHORT_LABELS[table]}{' '}
              <Badge
                count={counts[table]}
                showZero
                color={counts[table] > 0 ? '#fa8c16' : '#d9d9d9'}
                title={`${counts[table]} 处变化`}
              />
            </span>
          ),
          children: (
            <DiffTable
              diff={diff}
              table={table}
              entries={shownByTable[table]}
              mode={mode}
              focusedId={focusedId}
              onFocus={setFocusedId}
              onHistory={(entry) => setHistory({ id: entryId(entry), name: entryItem(entry).name })}
              tableRef={tableRef}
              height={TABLE_HEIGHT}
              emptyText={filters.changedOnly ? '此清单在两个版本之间没有变化' : '没有符合筛选条件的事项'}
            />
          ),
        }))}
      />
      <ItemHistoryDrawer
        listId={list.id}
        itemId={history?.id ?? null}
        open={history !== null}
        onClose={() => setHistory(null)}
        title={history ? `事项历史：${history.name}` : undefined}
      />
    </div>
  );
}
