import type { CSSProperties } from 'react';

export interface LineClampProps {
  text: string;
  rows?: number;
  style?: CSSProperties;
  testId?: string;
}

/**
 * Text cut after `rows` lines by CSS alone, the whole text in a native tooltip. antd's Typography ellipsis
 * measures every cell after each render, which made a page of 50 rows noticeably slow.
 */
export function LineClamp({ text, rows = 3, style, testId }: LineClampProps) {
  return (
    <div
      title={text}
      data-testid={testId}
      style={{
        display: '-webkit-box',
        WebkitBoxOrient: 'vertical',
        WebkitLineClamp: rows,
        overflow: 'hidden',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        ...style,
      }}
    >
      {text}
    </div>
  );
}
