import type { CSSProperties } from 'react';
import type { TextDiffSegment } from '@dutylist/shared';

/** Which runs to show: both (inline), or one side of a side-by-side view. */
export type SegmentSide = 'inline' | 'before' | 'after';

const DEL_STYLE: CSSProperties = {
  background: '#ffebe9',
  color: '#a8071a',
  textDecoration: 'line-through',
  textDecorationColor: '#cf1322',
  borderRadius: 2,
  padding: '0 1px',
};
const INS_STYLE: CSSProperties = {
  background: '#d9f7be',
  color: '#135200',
  textDecoration: 'none',
  borderRadius: 2,
  padding: '0 1px',
};

/** A word-level diff: deleted runs in red (<del>), inserted runs in green (<ins>), the rest as it was. */
export function DiffSegments({
  segments,
  side = 'inline',
}: {
  segments: readonly TextDiffSegment[];
  side?: SegmentSide;
}) {
  return (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {segments.map((segment, index) => {
        if (segment.op === 'equal') return <span key={index}>{segment.text}</span>;
        if (segment.op === 'delete') {
          return side === 'after' ? null : (
            <del key={index} style={DEL_STYLE} data-testid="diff-del">
              {segment.text}
            </del>
          );
        }
        return side === 'before' ? null : (
          <ins key={index} style={INS_STYLE} data-testid="diff-ins">
            {segment.text}
          </ins>
        );
      })}
    </span>
  );
}

/** A whole text added or removed (an added item's name, a department dropped…). */
export function WholeText({ text, op }: { text: string; op: 'insert' | 'delete' }) {
  return <DiffSegments segments={[{ op, text }]} />;
}
