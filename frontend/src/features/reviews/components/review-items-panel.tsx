import { App, Button, Flex, Space, Tabs, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  LIST_TABLES,
  LIST_TABLE_SHORT_LABELS,
  type ListAbilities,
  type ListTable,
  type ReviewItem,
  type ReviewState,
} from '@dutylist/shared';
import { ItemThreadsDrawer } from '@/features/comments/components/item-threads-drawer';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useBulkDecide, useDecideItem } from '../hooks/use-decision-mutations';
import { useRowKeyboard } from '../hooks/use-row-keyboard';
import { DECISION_CONFLICT_MESSAGE, DecisionModal, type DecisionTarget } from './decision-modal';
import { ItemHistoryDrawer } from './item-history-drawer';
import {
  EMPTY_FILTERS,
  decisionOf,
  groupByTable,
  hasActiveFilters,
  isReturnedOrSuggested,
  matchesFilters,
  unchangedUndecidedIds,
  type ReviewFilters,
} from './review-item-filters';
import { ReviewFiltersBar } from './review-filters-bar';
import { ReviewItemsTable, type ReviewRowActions } from './review-items-table';

/** A request to show one item (from an approval refused for open items); `nonce` repeats a request. */
export interface LocateRequest {
  itemId: string;
  nonce: number;
}

export interface ReviewItemsPanelProps {
  listId: string;
  review: ReviewState;
  can: ListAbilities;
  selectedIds: string[];
  onSelectedChange: (ids: string[]) => void;
  locate: LocateRequest | null;
}

// The virtual table renders rows and cells as divs.
const FOCUS_STYLE = `
.review-row-focused > .ant-table-cell { background: #e6f4ff !important; }
.review-row-focused > .ant-table-cell:first-child { box-shadow: inset 3px 0 0 #1d5fbf; }
`;

/** The height of the table's scrolling body: the window less the header, filters and tabs above it. */
function useTableHeight(): number {
  const measure = () => Math.max(360, window.innerHeight - 260);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

/** The round's items: filters, the three tables, per-item and bulk decisions, threads and history. */
export function ReviewItemsPanel({
  listId,
  review,
  can,
  selectedIds,
  onSelectedChange,
  locate,
}: ReviewItemsPanelProps) {
  const { message } = App.useApp();
  const level = review.level ?? 'county';
  const decide = useDecideItem(listId);
  const bulk = useBulkDecide(listId);
  const [filters, setFiltersState] = useState<ReviewFilters>(EMPTY_FILTERS);
  const [activeTable, setActiveTable] = useState<ListTable>('basic');
  const scrollY = useTableHeight();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [decisionTarget, setDecisionTarget] = useState<DecisionTarget | null>(null);
  const [threadsItem, setThreadsItem] = useState<ReviewItem | null>(null);
  const [historyItem, setHistoryItem] = useState<ReviewItem | null>(null);

  const setFilters = setFiltersState;

  const groups = useMemo(() => groupByTable(review.items), [review.items]);
  const filtered = useMemo(() => {
    const result = {} as Record<ListTable, ReviewItem[]>;
    for (const table of LIST_TABLES)
      result[table] = groups[table].filter((item) => matchesFilters(item, filters, level));
    return result;
  }, [groups, filters, level]);
  const toggleCounts = useMemo(
    () => ({
      changed: review.items.filter((item) => item.change !== 'unchanged').length,
      returned: review.items.filter(isReturnedOrSuggested).length,
      threads: review.items.filter((item) => item.openThreads > 0).length,
      undecided: review.items.filter((item) => !decisionOf(item, level)).length,
    }),
    [review.items, level],
  );
  const unchangedIds = useMemo(() => unchangedUndecidedIds(review.items, level), [review.items, level]);

  // Show an item asked for from elsewhere: clear the filters, open its table, focus it.
  const [lastLocate, setLastLocate] = useState<LocateRequest | null>(null);
  if (locate && locate !== lastLocate) {
    setLastLocate(locate);
    const target = review.items.find((item) => item.item.id === locate.itemId);
    if (target) {
      setFiltersState(EMPTY_FILTERS);
      setActiveTable(target.item.table);
      setFocusedId(locate.itemId);
    }
  }

  const rows = filtered[activeTable];

  const approve = useCallback(
    async (row: ReviewItem) => {
      const mine = decisionOf(row, level);
      if (mine?.decision === 'approved') return;
      try {
        await decide.mutateAsync({
          itemId: row.item.id,
          body: { decision: 'approved', ...(mine ? { replaces: mine.id } : {}) },
        });
        message.success(`已通过第${row.item.seq}项`);
      } catch (error) {
        if (isApiError(error) && error.code === 'DECISION_CONFLICT') message.warning(DECISION_CONFLICT_MESSAGE);
        else message.error(errorMessage(error));
      }
    },
    [decide, level, message],
  );

  const actions = useMemo<ReviewRowActions>(
    () => ({
      onApprove: (row) => void approve(row),
      onReturn: (row) => setDecisionTarget({ reviewItem: row, decision: 'returned', existing: decisionOf(row, level) }),
      onSuggest: (row) =>
        setDecisionTarget({ reviewItem: row, decision: 'suggested', existing: decisionOf(row, level) }),
      onThreads: setThreadsItem,
      onHistory: setHistoryItem,
    }),
    [approve, level],
  );

  const approveMany = async (itemIds: string[], what: string) => {
    if (itemIds.length === 0) return;
    try {
      const result = await bulk.mutateAsync({ itemIds, decision: 'approved' });
      const skipped = result.skipped.length;
      message.success(
        skipped
          ? `已通过 ${result.decisions.length} 个${what}，${skipped} 个已由他人作出其他决定，未改动`
          : `已通过 ${result.decisions.length} 个${what}`,
      );
      onSelectedChange([]);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  // Keyboard: j/k or ↑/↓ move between the rows shown, a approves, r returns, s suggests, t/h open.
  const focusedRow = rows.find((row) => row.item.id === focusedId) ?? null;
  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const index = focusedId ? rows.findIndex((row) => row.item.id === focusedId) : -1;
    const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
    setFocusedId(rows[next].item.id);
  };
  const onFocused = (run: (row: ReviewItem) => void) => () => {
    if (!focusedRow) return false;
    run(focusedRow);
  };
  useRowKeyboard({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    a: can.decideItems ? onFocused(actions.onApprove) : () => false,
    r: can.decideItems ? onFocused(actions.onReturn) : () => false,
    s: can.decideItems ? onFocused(actions.onSuggest) : () => false,
    t: onFocused(actions.onThreads),
    h: onFocused(actions.onHistory),
  });

  const selectable = can.decideItems || can.returnItems;
  const active = hasActiveFilters(filters);

  return (
    <div data-testid="review-items">
      <style>{FOCUS_STYLE}</style>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <ReviewFiltersBar filters={filters} onChange={setFilters} counts={toggleCounts} />
        {can.decideItems && (
          <Space wrap>
            <Button
              disabled={selectedIds.length === 0}
              loading={bulk.isPending && bulk.variables?.itemIds !== unchangedIds}
              onClick={() => void approveMany(selectedIds, '所选事项')}
              data-testid="bulk-approve"
            >
              {`批量通过 (${selectedIds.length})`}
            </Button>
            <Tooltip title="通过与上一轮相比没有变化、且本级尚未审核的事项">
              <Button
                type="primary"
                ghost
                disabled={unchangedIds.length === 0}
                loading={bulk.isPending && bulk.variables?.itemIds === unchangedIds}
                onClick={() => void approveMany(unchangedIds, '未变化事项')}
                data-testid="approve-unchanged"
              >
                {`通过全部未变化事项 (${unchangedIds.length})`}
              </Button>
            </Tooltip>
          </Space>
        )}
      </Flex>
      <Tabs
        activeKey={activeTable}
        onChange={(key) => setActiveTable(key as ListTable)}
        items={LIST_TABLES.map((table) => ({
          key: table,
          label: (
            <span data-testid={`review-tab-${table}`}>
              {active
                ? `${LIST_TABLE_SHORT_LABELS[table]} (${filtered[table].length}/${groups[table].length})`
                : `${LIST_TABLE_SHORT_LABELS[table]} (${groups[table].length})`}
            </span>
          ),
        }))}
        style={{ marginBottom: 0 }}
      />
      <ReviewItemsTable
        listId={listId}
        table={activeTable}
        items={rows}
        level={level}
        canDecide={can.decideItems}
        selectable={selectable}
        selectedIds={selectedIds}
        onSelectedChange={onSelectedChange}
        focusedId={focusedId}
        onFocus={setFocusedId}
        scrollY={scrollY}
        carriedFromRound={review.previousVersion?.round ?? null}
        approvingId={decide.isPending && decide.variables ? decide.variables.itemId : null}
        emptyText={active ? '没有符合筛选条件的事项' : '本表没有事项'}
        actions={actions}
      />
      <Flex justify="space-between" gap={12} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="keyboard-hint">
          快捷键：j / k 或 ↑ / ↓ 切换事项{can.decideItems ? '，a 通过，r 退回，s 建议修改' : ''}，t 讨论，h 历史
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="review-row-count">
          {active ? `筛选出 ${rows.length} 条 / 本表共 ${groups[activeTable].length} 条` : `共 ${rows.length} 条`}
          {selectedIds.length > 0 && `，已选 ${selectedIds.length} 条`}
        </Typography.Text>
      </Flex>
      {decisionTarget && (
        <DecisionModal listId={listId} target={decisionTarget} onClose={() => setDecisionTarget(null)} />
      )}
      <ItemThreadsDrawer
        listId={listId}
        itemId={threadsItem?.item.id ?? null}
        open={threadsItem !== null}
        onClose={() => setThreadsItem(null)}
        title={threadsItem ? `讨论：第${threadsItem.item.seq}项 ${threadsItem.item.name}` : undefined}
      />
      <ItemHistoryDrawer
        listId={listId}
        itemId={historyItem?.item.id ?? null}
        open={historyItem !== null}
        onClose={() => setHistoryItem(null)}
        title={historyItem ? `历史：第${historyItem.item.seq}项 ${historyItem.item.name}` : undefined}
      />
    </div>
  );
}
