import { Button, Flex, Space, Tag, Typography } from 'antd';
import {
  DECISION_LABELS,
  ITEM_FIELD_LABELS,
  LIST_TABLE_SHORT_LABELS,
  RESOLUTION_LABELS,
  REVIEW_LEVEL_LABELS,
  changedFields,
  type Feedback,
  type Resolution,
} from '@dutylist/shared';
import { formatDateTime } from '@/lib/format';
import { SuggestionView } from './suggestion-view';

const STATUS_COLORS: Record<Resolution, string> = {
  open: 'error',
  revised: 'success',
  answered: 'processing',
  accepted: 'success',
  rejected: 'warning',
};

export interface FeedbackEntryActions {
  onAccept: (feedback: Feedback) => void;
  onReject: (feedback: Feedback) => void;
  onAnswer: (feedback: Feedback) => void;
  onEdit: (feedback: Feedback) => void;
}

export interface FeedbackEntryProps {
  feedback: Feedback;
  /** The drafter may answer opinions now (`list.can.answerFeedback`). */
  canAnswer: boolean;
  /** The draft may be edited now (`list.can.editItems`). */
  canEdit: boolean;
  /** An accept of this entry is on its way. */
  accepting?: boolean;
  actions: FeedbackEntryActions;
}

/** One return or suggestion: who said what about which item, what the township made of it, and what to do next. */
export function FeedbackEntry({ feedback, canAnswer, canEdit, accepting, actions }: FeedbackEntryProps) {
  const { decision, reviewed, current, status } = feedback;
  const place = current ?? reviewed;
  const isSuggestion = decision.decision === 'suggested' && decision.suggestion !== null;
  const accepted = status === 'accepted';
  const revisedFields = current && status === 'revised' ? changedFields(reviewed, current) : [];
  const answerLabel = decision.resolution === 'answered' ? '修改说明' : '说明';

  return (
    <div
      data-testid="feedback-entry"
      data-item-id={decision.itemId}
      data-decision-id={decision.id}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex align="center" gap={8} wrap>
        <Tag color="blue">{REVIEW_LEVEL_LABELS[decision.level]}</Tag>
        <Tag>第{decision.round}轮</Tag>
        <Tag color={decision.decision === 'returned' ? 'volcano' : 'gold'}>{DECISION_LABELS[decision.decision]}</Tag>
        <Typography.Text strong>
          {LIST_TABLE_SHORT_LABELS[place.table]} 第{place.seq}项
        </Typography.Text>
        <Typography.Text ellipsis style={{ maxWidth: 480 }} title={place.name}>
          {place.name}
        </Typography.Text>
        <Tag color={STATUS_COLORS[status]} data-testid="feedback-status" style={{ marginLeft: 'auto' }}>
          {RESOLUTION_LABELS[status]}
        </Tag>
      </Flex>

      <div style={{ marginTop: 8, paddingLeft: 4 }}>
        {decision.reason && (
          <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }} data-testid="feedback-reason">
            <Typography.Text type="secondary">审核意见：</Typography.Text>
            {decision.reason}
          </Typography.Paragraph>
        )}
        {isSuggestion && decision.suggestion && (
          <div style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary">修改建议：</Typography.Text>
            <div style={{ paddingLeft: 16 }}>
              <SuggestionView suggestion={decision.suggestion} reviewed={reviewed} />
            </div>
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {decision.reviewer.displayName}（{decision.reviewer.orgName}） {formatDateTime(decision.createdAt)}
        </Typography.Text>
        {decision.response && (
          <Typography.Paragraph style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap' }} data-testid="feedback-response">
            <Typography.Text type="secondary">
              {decision.resolution === 'rejected' ? '不采纳的理由：' : '乡镇说明：'}
            </Typography.Text>
            {decision.response}
          </Typography.Paragraph>
        )}
        {revisedFields.length > 0 && (
          <Typography.Paragraph type="success" style={{ margin: '6px 0 0' }}>
            草稿已修改：{revisedFields.map((field) => ITEM_FIELD_LABELS[field]).join('、')}
          </Typography.Paragraph>
        )}
        {!current && (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            该事项已从草稿中删除
          </Typography.Paragraph>
        )}
      </div>

      {canAnswer && !accepted && (
        <Space wrap style={{ marginTop: 8 }}>
          {isSuggestion && (
            <>
              <Button
                type="primary"
                size="small"
                loading={accepting}
                disabled={!current}
                onClick={() => actions.onAccept(feedback)}
                data-testid="feedback-accept"
              >
                采纳建议
              </Button>
              <Button size="small" onClick={() => actions.onReject(feedback)} data-testid="feedback-reject">
                {decision.resolution === 'rejected' ? '修改不采纳理由' : '不采纳'}
              </Button>
            </>
          )}
          {!isSuggestion && (
            <Button size="small" onClick={() => actions.onAnswer(feedback)} data-testid="feedback-answer">
              {answerLabel}
            </Button>
          )}
          {canEdit && current && (
            <Button size="small" type="link" onClick={() => actions.onEdit(feedback)} data-testid="feedback-edit">
              去修改
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
