import { Tag } from 'antd';
import { LIST_STAGE_LABELS, type ListStage } from '@dutylist/shared';

const STAGE_COLORS: Record<ListStage, string> = {
  drafting: 'processing',
  submitted: 'cyan',
  county_review: 'gold',
  returned: 'error',
  county_approved: 'green',
  prefecture_review: 'orange',
  prefecture_approved: 'lime',
  region_review: 'purple',
  region_approved: 'geekblue',
  published: 'success',
};

export function StageTag({ stage }: { stage: ListStage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="stage-tag">
      {LIST_STAGE_LABELS[stage]}
    </Tag>
  );
}
