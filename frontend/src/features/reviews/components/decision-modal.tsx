import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  CATEGORIES,
  LIST_TABLES,
  LIST_TABLE_SHORT_LABELS,
  type Category,
  type ItemDecision,
  type ItemFields,
  type ListTable,
  type ReviewItem,
  type Suggestion,
} from '@dutylist/shared';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useDecideItem } from '../hooks/use-decision-mutations';

export const DECISION_CONFLICT_MESSAGE = '该事项已由他人作出审核决定，已刷新为最新结果，请查看后再操作';

export interface DecisionTarget {
  reviewItem: ReviewItem;
  decision: 'returned' | 'suggested';
  /** The caller's level's decision on the item, which this one replaces. */
  existing?: ItemDecision;
}

export interface DecisionFormValues {
  reason?: string;
  table: ListTable;
  category: Category | null;
  name: string;
  departments: string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
}

const categoryOptions = CATEGORIES.map((category) => ({ value: category, label: category }));
const tableOptions = LIST_TABLES.map((table) => ({ value: table, label: LIST_TABLE_SHORT_LABELS[table] }));

function initialValues(target: DecisionTarget): DecisionFormValues {
  const { item } = target.reviewItem;
  const previous = target.existing?.decision === target.decision ? target.existing : undefined;
  const suggested = previous?.suggestion?.fields ?? {};
  return {
    reason: previous?.reason ?? undefined,
    table: previous?.suggestion?.table ?? item.table,
    category: suggested.category !== undefined ? suggested.category : (item.category as Category | null),
    name: suggested.name ?? item.name,
    departments: suggested.departments ?? item.departments,
    upperDuties: suggested.upperDuties ?? item.upperDuties,
    townshipDuties: suggested.townshipDuties ?? item.townshipDuties,
    undertaker: suggested.undertaker ?? item.undertaker,
  };
}

/**
 * The concrete change: only the fields that differ from the item as submitted (and only the fields the
 * target table has), and the table if it moves.
 */
export function buildSuggestion(item: ReviewItem['item'], values: Partial<DecisionFormValues>): Suggestion | null {
  const target = values.table ?? item.table;
  const fields: Partial<ItemFields> = {};
  const category = values.category ?? null;
  if (category !== item.category) fields.category = category;
  const name = (values.name ?? '').trim();
  if (name && name !== item.name) fields.name = name;
  if (target === 'cooperative') {
    const departments = [...new Set((values.departments ?? []).map((d) => d.trim()).filter(Boolean))];
    if (departments.join('、') !== item.departments.join('、')) fields.departments = departments;
  }
  const textFields =
    target === 'cooperative'
      ? (['upperDuties', 'townshipDuties'] as const)
      : target === 'revoked'
        ? (['undertaker'] as const)
        : [];
  for (const key of textFields) {
    const text = (values[key] ?? '').trim();
    if (text !== item[key]) fields[key] = text;
  }
  const table = target !== item.table ? target : undefined;
  if (!table && Object.keys(fields).length === 0) return null;
  return { ...(Object.keys(fields).length ? { fields } : {}), ...(table ? { table } : {}) };
}

export interface DecisionModalProps {
  listId: string;
  target: DecisionTarget;
  onClose: () => void;
}

/** 退回 (a reason is required) or 建议修改 (new values and/or another table). Mount only while open. */
export function DecisionModal({ listId, target, onClose }: DecisionModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionFormValues>();
  const mutation = useDecideItem(listId);
  const [error, setError] = useState<string | null>(null);
  const suggesting = target.decision === 'suggested';
  const { item } = target.reviewItem;
  const table = Form.useWatch('table', form) ?? item.table;

  const submit = async (values: DecisionFormValues) => {
    setError(null);
    const reason = values.reason?.trim() || undefined;
    let suggestion: Suggestion | undefined;
    if (suggesting) {
      const built = buildSuggestion(item, values);
      if (!built) {
        setError('请至少修改一个字段的内容，或选择移到另一张清单');
        return;
      }
      suggestion = built;
    }
    try {
      await mutation.mutateAsync({
        itemId: item.id,
        body: {
          decision: target.decision,
          ...(reason ? { reason } : {}),
          ...(suggestion ? { suggestion } : {}),
          ...(target.existing ? { replaces: target.existing.id } : {}),
        },
      });
      message.success(suggesting ? '已提出修改建议' : '已退回该事项');
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'DECISION_CONFLICT') {
        message.warning(DECISION_CONFLICT_MESSAGE);
        onClose();
        return;
      }
      setError(errorMessage(caught));
      message.error(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={`${suggesting ? '建议修改' : '退回修改'}：第${item.seq}项 ${item.name.length > 40 ? `${item.name.slice(0, 40)}…` : item.name}`}
      okText={suggesting ? '提出建议' : '退回'}
      cancelText="取消"
      okButtonProps={{ danger: !suggesting, 'data-testid': 'decision-confirm' }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      width={suggesting ? 720 : 560}
      destroyOnHidden
      data-testid="decision-modal"
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="decision-error" />
      )}
      <Form<DecisionFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(target)}
        onFinish={(values) => void submit(values)}
        disabled={mutation.isPending}
      >
        <Form.Item
          label={suggesting ? '修改理由（可选）' : '退回理由'}
          name="reason"
          rules={[
            ...(suggesting ? [] : [{ required: true, whitespace: true, message: '请填写退回理由' }]),
            { max: 5000, message: '理由不能超过 5000 个字' },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={suggesting ? '说明为什么这样修改' : '请写明需要乡镇修改或说明的内容'}
            data-testid="decision-reason"
          />
        </Form.Item>
        {suggesting && (
          <>
            <Typography.Paragraph type="secondary">
              在下面直接写出建议的内容，只会发送与报送内容不同的部分；乡镇可一键采纳。
            </Typography.Paragraph>
            <Form.Item label="所在清单（可移到另一张清单）" name="table">
              <Select options={tableOptions} data-testid="suggest-table" />
            </Form.Item>
            <Form.Item label="事项类别" name="category">
              <Select
                allowClear
                showSearch
                options={categoryOptions}
                placeholder="未分类"
                data-testid="suggest-category"
              />
            </Form.Item>
            <Form.Item
              label="事项名称"
              name="name"
              rules={[{ required: true, whitespace: true, message: '事项名称不能为空' }]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} data-testid="suggest-name" />
            </Form.Item>
            {table === 'cooperative' && (
              <>
                <Form.Item label="对应上级部门" name="departments" extra="输入部门名称后按回车，或用顿号分隔">
                  <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} suffixIcon={null} />
                </Form.Item>
                <Form.Item label="上级部门职责" name="upperDuties">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
                <Form.Item label="乡镇配合职责" name="townshipDuties">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </>
            )}
            {table === 'revoked' && (
              <Form.Item label="承接部门及工作方式" name="undertaker">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
