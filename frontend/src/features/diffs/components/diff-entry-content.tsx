import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { ITEM_FIELD_LABELS, type FieldChange, type ListDiffEntry, type VersionItem } from '@dutylist/shared';
import { DiffSegments, type SegmentSide } from './diff-segments';

function Departments({ change, side }: { change: Extract<FieldChange, { field: 'departments' }>; side: SegmentSide }) {
  const removed = new Set(change.removed);
  const added = new Set(change.added);
  const kept = change.after.filter((d) => !added.has(d));
  const parts: ReactNode[] = [];
  if (side !== 'after') {
    for (const d of change.before.filter((x) => removed.has(x))) {
      parts.push(<DiffSegments key={`-${d}`} segments={[{ op: 'delete', text: d }]} />);
    }
  }
  for (const d of kept) parts.push(<span key={`=${d}`}>{d}</span>);
  if (side !== 'before') {
    for (const d of change.after.filter((x) => added.has(x))) {
      parts.push(<DiffSegments key={`+${d}`} segments={[{ op: 'insert', text: d }]} />);
    }
  }
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && '、'}
          {part}
        </span>
      ))}
    </>
  );
}

function FieldLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 4, fontSize: 13 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {children}
    </div>
  );
}

function ChangedField({ change, side }: { change: FieldChange; side: SegmentSide }) {
  if (change.field === 'departments') return <Departments change={change} side={side} />;
  return <DiffSegments segments={change.segments} side={side} />;
}

function PlainName({ item, removed }: { item: VersionItem; removed?: boolean }) {
  return <span style={removed ? { color: '#8c8c8c', textDecoration: 'line-through' } : undefined}>{item.name}</span>;
}

/**
 * The wording of one entry: the name (with its word-level changes), then each other field that changed.
 * Inline: deletions and insertions in one text; `before` / `after`: one side of a side-by-side view.
 */
export function DiffEntryContent({ entry, side }: { entry: ListDiffEntry; side: SegmentSide }) {
  const item = side === 'before' ? entry.before : side === 'after' ? entry.after : (entry.after ?? entry.before);
  if (!item) return <Typography.Text type="secondary">—</Typography.Text>;
  const nameChange = entry.fields.find((f) => f.field === 'name');
  const others = entry.fields.filter((f) => f.field !== 'name');
  return (
    <div data-testid="diff-content" data-side={side}>
      <div style={{ fontWeight: 500 }}>
        {nameChange ? (
          <ChangedField change={nameChange} side={side} />
        ) : (
          <PlainName item={item} removed={entry.status === 'removed' && side === 'inline'} />
        )}
      </div>
      {others.map((change) => (
        <FieldLine key={change.field} label={ITEM_FIELD_LABELS[change.field]}>
          <ChangedField change={change} side={side} />
        </FieldLine>
      ))}
    </div>
  );
}
