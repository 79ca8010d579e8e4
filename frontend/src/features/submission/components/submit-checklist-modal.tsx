import { Alert, App, Badge, Flex, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import {
  LIST_TABLE_SHORT_LABELS,
  openItemsDetailsSchema,
  type ListDetail,
  type ListTable,
  type OpenItemsDetails,
} from '@dutylist/shared';
import { useReviewState } from '@/features/reviews/hooks/use-review-state';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useDraftValidation } from '../hooks/use-draft-validation';
import { useSubmitList } from '../hooks/use-submit-list';

type OpenItem = OpenItemsDetails['items'][number];

const MAX_LISTED = 8;

function ItemRef({ table, seq, name }: { table: ListTable; seq: number; name: string }) {
  return (
    <>
      {LIST_TABLE_SHORT_LABELS[table]} 第{seq}项 {name}
    </>
  );
}

function CheckRow({
  status,
  title,
  children,
  testId,
}: {
  status: 'success' | 'error' | 'warning' | 'processing';
  title: ReactNode;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={testId} data-status={status}>
      <Badge status={status} text={<Typography.Text strong>{title}</Typography.Text>} />
      {children && <div style={{ paddingLeft: 14, marginTop: 4 }}>{children}</div>}
    </div>
  );
}

function ItemLines({ items, testId }: { items: OpenItem[]; testId: string }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid={testId}>
      {items.slice(0, MAX_LISTED).map((item) => (
        <li key={item.itemId} data-item-id={item.itemId}>
          <ItemRef {...item} />
        </li>
      ))}
      {items.length > MAX_LISTED && <li>…等共 {items.length} 项</li>}
    </ul>
  );
}

export interface SubmitChecklistModalProps {
  list: ListDetail;
  onClose: () => void;
}

/**
 * What is still open before 报送: unsettled opinions (these block), the draft's validation issues and
 * unresolved discussions (these only warn), then an optional note and the submission itself.
 */
export function SubmitChecklistModal({ list, onClose }: SubmitChecklistModalProps) {
  const { message } = App.useApp();
  const reviewQuery = useReviewState(list.id);
  const validationQuery = useDraftValidation(list.id, true);
  const submit = useSubmitList(list.id);
  const [note, setNote] = useState('');
  const [refused, setRefused] = useState<OpenItem[] | null>(null);

  const review = reviewQuery.data;
  const openFeedback: OpenItem[] = [];
  for (const f of review?.feedback ?? []) {
    if (f.settled || openFeedback.some((o) => o.itemId === f.decision.itemId)) continue;
    const place = f.current ?? f.reviewed;
    openFeedback.push({ itemId: f.decision.itemId, table: place.table, seq: place.seq, name: place.name });
  }
  const issues = validationQuery.data?.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const threads = review?.summary.unresolvedThreads ?? 0;
  const blocked = !review || openFeedback.length > 0;

  const onSubmit = () => {
    setRefused(null);
    submit.mutate(note.trim() ? { note: note.trim() } : {}, {
      onSuccess: (updated) => {
        const to = updated.turn ? `，等待 ${updated.turn.orgUnit.name} 审核` : '';
        message.success(`已报送${to}`);
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'OPEN_ITEMS') {
          const parsed = openItemsDetailsSchema.safeParse(error.details);
          setRefused(parsed.success ? parsed.data.items : []);
          return;
        }
        message.error(errorMessage(error, '报送失败，请稍后重试'));
      },
    });
  };

  return (
    <Modal
      open
      title={`报送 ${list.title}`}
      okText="确认报送"
      cancelText="取消"
      onOk={onSubmit}
      confirmLoading={submit.isPending}
      okButtonProps={{ disabled: blocked, 'data-testid': 'submit-confirm' }}
      onCancel={onClose}
      maskClosable={false}
      width={640}
      destroyOnHidden
      data-testid="submit-checklist"
    >
      <Typography.Paragraph type="secondary">
        报送后当前草稿将冻结为报送稿，交 {list.county.name} 县委编办审核，审核期间不能修改。请先核对以下事项：
      </Typography.Paragraph>

      {reviewQuery.isPending ? (
        <CheckRow status="processing" title="审核意见：正在检查…" testId="checklist-feedback" />
      ) : reviewQuery.isError ? (
        <CheckRow status="error" title="审核意见：无法加载，暂不能报送" testId="checklist-feedback">
          <Typography.Text type="danger">{errorMessage(reviewQuery.error)}</Typography.Text>
        </CheckRow>
      ) : openFeedback.length > 0 ? (
        <CheckRow status="error" title={`审核意见：还有 ${openFeedback.length} 项未处理`} testId="checklist-feedback">
          <Typography.Text type="secondary">每条退回或修改建议都须修改、说明、采纳或不采纳后才能报送：</Typography.Text>
          <ItemLines items={openFeedback} testId="checklist-open-feedback" />
        </CheckRow>
      ) : (
        <CheckRow
          status="success"
          title={review && review.feedback.length > 0 ? '审核意见：已全部处理' : '审核意见：无'}
          testId="checklist-feedback"
        />
      )}

      {validationQuery.isPending ? (
        <CheckRow status="processing" title="清单校验：正在检查…" testId="checklist-validation" />
      ) : validationQuery.isError ? (
        <CheckRow status="warning" title="清单校验：暂时无法校验" testId="checklist-validation" />
      ) : issues.length === 0 ? (
        <CheckRow status="success" title="清单校验：未发现问题" testId="checklist-validation" />
      ) : (
        <CheckRow
          status="warning"
          title={`清单校验：${errors.length} 个错误，${warnings.length} 个警告${
            issues.length > errors.length + warnings.length
              ? `，${issues.length - errors.length - warnings.length} 条提示`
              : ''
          }`}
          testId="checklist-validation"
        >
          <Typography.Text type="secondary">不影响报送，建议先处理：</Typography.Text>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {[...errors, ...warnings].slice(0, MAX_LISTED).map((issue, index) => (
              <li key={`${issue.code}-${index}`}>
                <Typography.Text type={issue.severity === 'error' ? 'danger' : undefined}>
                  {issue.message}
                </Typography.Text>
              </li>
            ))}
            {errors.length + warnings.length > MAX_LISTED && <li>…等共 {errors.length + warnings.length} 个</li>}
          </ul>
        </CheckRow>
      )}

      <CheckRow
        status={threads > 0 ? 'warning' : 'success'}
        title={threads > 0 ? `讨论：${threads} 个尚未解决` : '讨论：没有未解决的讨论'}
        testId="checklist-threads"
      />

      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="submit-refused"
          message="报送未成功：以下事项的审核意见尚未处理"
          description={<ItemLines items={refused} testId="submit-refused-items" />}
        />
      )}

      <Flex vertical gap={4} style={{ marginTop: 16 }}>
        <Typography.Text>报送说明（可选）</Typography.Text>
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={5000}
          placeholder="如：已按第一轮审核意见修改 12 项，说明 3 项"
          data-testid="submit-note"
        />
      </Flex>
    </Modal>
  );
}
