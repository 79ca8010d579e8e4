import { Flex, Tag, Typography } from 'antd';
import { REVIEW_LEVELS, type Decision, type ItemDecision } from '@dutylist/shared';
import { formatDateTime } from '@/lib/format';
import { LineClamp } from './line-clamp';
import { decisionText } from './review-item-filters';
import { suggestionText } from './suggestion-text';

export const DECISION_COLORS: Record<Decision, string> = {
  approved: 'success',
  returned: 'error',
  suggested: 'warning',
};

export interface DecisionTagsProps {
  decisions: readonly ItemDecision[];
  /** The round a carried-over approval comes from (the previous version's round). */
  carriedFromRound?: number | null;
  /** Show the reason and suggestion under the tags. */
  showReasons?: boolean;
}

/** One tag per level's decision (`县委编办：通过`), with the reason of a return or suggestion. */
export function DecisionTags({ decisions, carriedFromRound, showReasons = true }: DecisionTagsProps) {
  if (decisions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="decision-none">
        未审核
      </Typography.Text>
    );
  }
  const sorted = [...decisions].sort((a, b) => REVIEW_LEVELS.indexOf(a.level) - REVIEW_LEVELS.indexOf(b.level));
  return (
    <Flex vertical gap={2}>
      {sorted.map((decision) => {
        const detail = [decision.reason, suggestionText(decision.suggestion)].filter(Boolean).join('；');
        return (
          <div key={decision.id}>
            <Flex gap={4} wrap>
              <Tag
                color={DECISION_COLORS[decision.decision]}
                title={`${decision.reviewer.displayName}（${decision.reviewer.orgName}）${formatDateTime(decision.createdAt)}`}
                data-testid="decision-tag"
                style={{ marginInlineEnd: 0 }}
              >
                {decisionText(decision)}
              </Tag>
              {decision.carriedOver && (
                <Tag color="cyan" bordered={false} data-testid="carried-tag" style={{ marginInlineEnd: 0 }}>
                  {carriedFromRound ? `沿用第${carriedFromRound}轮通过` : '沿用上轮通过'}
                </Tag>
              )}
            </Flex>
            {showReasons && detail && (
              <LineClamp
                text={detail}
                rows={2}
                style={{ fontSize: 12, marginTop: 2, color: 'rgba(0, 0, 0, 0.45)' }}
                testId="decision-reason-text"
              />
            )}
          </div>
        );
      })}
    </Flex>
  );
}
