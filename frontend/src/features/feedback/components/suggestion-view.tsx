import { Typography } from 'antd';
import type { Suggestion, VersionItem } from '@dutylist/shared';
import { suggestionLines } from './feedback-format';

/** The reviewer's concrete change: "字段: 原值 → 建议值" per field, "移至 <表>" for a move. */
export function SuggestionView({ suggestion, reviewed }: { suggestion: Suggestion; reviewed: VersionItem }) {
  const lines = suggestionLines(suggestion, reviewed);
  return (
    <div data-testid="feedback-suggestion">
      {lines.map((line) =>
        line.key === 'table' ? (
          <div key={line.key}>
            <Typography.Text strong>移至 {line.to}</Typography.Text>
            <Typography.Text type="secondary">（原在 {line.from}）</Typography.Text>
          </div>
        ) : (
          <div key={line.key} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            <Typography.Text type="secondary">{line.label}：</Typography.Text>
            <Typography.Text delete type="secondary">
              {line.from}
            </Typography.Text>
            <Typography.Text> → </Typography.Text>
            <Typography.Text strong style={{ color: '#237804' }}>
              {line.to}
            </Typography.Text>
          </div>
        ),
      )}
    </div>
  );
}
