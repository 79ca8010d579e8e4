import type { ListStage, Role } from '../enums';

/** The levels that review a township's list, from the bottom up. */
export const REVIEW_LEVELS = ['county', 'prefecture', 'region'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, string> = {
  county: '县委编办',
  prefecture: '州/地区编办',
  region: '自治区编办',
};

/** The reviewer role of each level. */
export const REVIEWER_ROLE: Record<ReviewLevel, Role> = {
  county: 'county_reviewer',
  prefecture: 'prefecture_reviewer',
  region: 'region_reviewer',
};

/** The level a reviewer role reviews at (null for drafters and admins). */
export function reviewLevelOf(role: Role): ReviewLevel | null {
  const found = REVIEW_LEVELS.find((level) => REVIEWER_ROLE[level] === role);
  return found ?? null;
}

/** The stage in which each level decides items. */
export const REVIEW_STAGE: Record<ReviewLevel, ListStage> = {
  county: 'county_review',
  prefecture: 'prefecture_review',
  region: 'region_review',
};

/** The list-level transitions of the 三上三下 cycle, one endpoint each. */
export const LIST_ACTIONS = [
  'submit',
  'start_review',
  'return_round',
  'approve',
  'sign_off',
  'return_items',
  'publish',
] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];

export const LIST_ACTION_LABELS: Record<ListAction, string> = {
  submit: '报送',
  start_review: '开始审核',
  return_round: '退回修改',
  approve: '审定通过',
  sign_off: '签署同意',
  return_items: '退回事项',
  publish: '发布',
};

/** Which roles may ever call each transition (a wrong role inside scope gets 403). */
export const LIST_ACTION_ROLES: Record<ListAction, readonly Role[]> = {
  submit: ['township_drafter'],
  start_review: ['county_reviewer', 'prefecture_reviewer', 'region_reviewer'],
  return_round: ['county_reviewer'],
  approve: ['county_reviewer'],
  sign_off: ['prefecture_reviewer', 'region_reviewer'],
  return_items: ['prefecture_reviewer', 'region_reviewer'],
  publish: ['region_reviewer'],
};

interface Step {
  action: ListAction;
  role: Role;
  from: ListStage;
  to: ListStage;
}

/**
 * Every allowed step. A prefecture or region return sends the list back to the county
 * (`county_review`), which may send it on down to the township; when the county approves again the
 * list goes straight back to the level that returned it (see `nextStage`).
 */
const STEPS: readonly Step[] = [
  { action: 'submit', role: 'township_drafter', from: 'drafting', to: 'submitted' },
  { action: 'submit', role: 'township_drafter', from: 'returned', to: 'submitted' },
  { action: 'start_review', role: 'county_reviewer', from: 'submitted', to: 'county_review' },
  { action: 'return_round', role: 'county_reviewer', from: 'county_review', to: 'returned' },
  { action: 'approve', role: 'county_reviewer', from: 'county_review', to: 'county_approved' },
  { action: 'start_review', role: 'prefecture_reviewer', from: 'county_approved', to: 'prefecture_review' },
  { action: 'sign_off', role: 'prefecture_reviewer', from: 'prefecture_review', to: 'prefecture_approved' },
  { action: 'return_items', role: 'prefecture_reviewer', from: 'prefecture_review', to: 'county_review' },
  { action: 'start_review', role: 'region_reviewer', from: 'prefecture_approved', to: 'region_review' },
  { action: 'sign_off', role: 'region_reviewer', from: 'region_review', to: 'region_approved' },
  { action: 'return_items', role: 'region_reviewer', from: 'region_review', to: 'county_review' },
  { action: 'publish', role: 'region_reviewer', from: 'region_approved', to: 'published' },
];

/** Where a list stands in the cycle: its stage and which level (if any) returned items to the county. */
export interface CycleState {
  stage: ListStage;
  returnLevel: ReviewLevel | null;
}

/**
 * The stage a transition leads to, or null when the role may not take it from the current stage.
 * After a region return, the county's approval goes straight back to the region (the prefecture
 * has signed already); after a prefecture return, to the prefecture as usual.
 */
export function nextStage(action: ListAction, role: Role, state: CycleState): ListStage | null {
  const step = STEPS.find((s) => s.action === action && s.role === role && s.from === state.stage);
  if (!step) return null;
  if (action === 'approve' && state.returnLevel === 'region') return 'prefecture_approved';
  return step.to;
}

/** The stage a transition of this role ends in, whatever the stage it starts from (for idempotent replays). */
export function targetStages(action: ListAction, role: Role): ListStage[] {
  const stages = STEPS.filter((s) => s.action === action && s.role === role).map((s) => s.to);
  if (action === 'approve') stages.push('prefecture_approved');
  return [...new Set(stages)];
}

/** Whose action each stage awaits. */
export const STAGE_TURN: Record<ListStage, Role | null> = {
  drafting: 'township_drafter',
  submitted: 'county_reviewer',
  county_review: 'county_reviewer',
  returned: 'township_drafter',
  county_approved: 'prefecture_reviewer',
  prefecture_review: 'prefecture_reviewer',
  prefecture_approved: 'region_reviewer',
  region_review: 'region_reviewer',
  region_approved: 'region_reviewer',
  published: null,
};

/** What the one whose turn it is has to do, in a word for task lists. */
export const STAGE_TASK_LABELS: Record<ListStage, string> = {
  drafting: '起草并报送',
  submitted: '开始审核',
  county_review: '逐项审核',
  returned: '修改并重新报送',
  county_approved: '州/地区审核',
  prefecture_review: '州/地区审核并签署',
  prefecture_approved: '自治区审核',
  region_review: '自治区审核并签署',
  region_approved: '发布清单',
  published: '已发布',
};

/** The reviewing level whose opinions the stage's actor works on (null for township stages and publish). */
export function reviewLevelOfStage(stage: ListStage): ReviewLevel | null {
  const found = REVIEW_LEVELS.find((level) => REVIEW_STAGE[level] === stage);
  return found ?? null;
}
