/**
 * Kinds of org unit: the administrative levels from the top of the hierarchy down, then the county
 * departments (县直部门, e.g. 奇台县民政局), which sit under a county beside its townships.
 */
export const ORG_LEVELS = ['region', 'prefecture', 'county', 'township', 'department'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  region: '自治区',
  prefecture: '地区/自治州',
  county: '县',
  township: '乡镇',
  department: '县直部门',
};

/** The level a unit of each level sits under (the region is the root). */
export const PARENT_LEVEL: Record<OrgLevel, OrgLevel | null> = {
  region: null,
  prefecture: 'region',
  county: 'prefecture',
  township: 'county',
  department: 'county',
};

export const ROLES = [
  'township_drafter',
  'county_reviewer',
  'prefecture_reviewer',
  'region_reviewer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  township_drafter: '乡镇起草人',
  county_reviewer: '县委编办审核人',
  prefecture_reviewer: '州/地区编办审核人',
  region_reviewer: '自治区编办审核人',
  admin: '系统管理员',
};

/** The org level a user of each role must belong to (admin: any level). */
export const ROLE_LEVEL: Record<Role, OrgLevel | null> = {
  township_drafter: 'township',
  county_reviewer: 'county',
  prefecture_reviewer: 'prefecture',
  region_reviewer: 'region',
  admin: null,
};

/** The three tables of a duty list. */
export const LIST_TABLES = ['basic', 'cooperative', 'revoked'] as const;
export type ListTable = (typeof LIST_TABLES)[number];

export const LIST_TABLE_LABELS: Record<ListTable, string> = {
  basic: '基本履职事项清单',
  cooperative: '配合履职事项清单',
  revoked: '上级部门收回事项清单',
};

export const LIST_TABLE_SHORT_LABELS: Record<ListTable, string> = {
  basic: '基本履职事项',
  cooperative: '配合履职事项',
  revoked: '上级部门收回事项',
};

/** The 23 standard categories (事项类别), in the fixed order every table is grouped by. */
export const CATEGORIES = [
  '党的建设',
  '经济发展',
  '民生服务',
  '平安法治',
  '乡村振兴',
  '精神文明建设',
  '社会管理',
  '安全稳定',
  '民族宗教',
  '社会保障',
  '自然资源',
  '生态环保',
  '城乡建设',
  '交通运输',
  '商贸流通',
  '文化和旅游',
  '卫生健康',
  '应急管理及消防',
  '市场监管',
  '投资促进',
  '人民武装',
  '综合政务',
  '教育培训监管',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** Stages of a duty list through the 三上三下 cycle. */
export const LIST_STAGES = [
  'drafting',
  'submitted',
  'county_review',
  'returned',
  'county_approved',
  'prefecture_review',
  'prefecture_approved',
  'region_review',
  'region_approved',
  'published',
] as const;
export type ListStage = (typeof LIST_STAGES)[number];

export const LIST_STAGE_LABELS: Record<ListStage, string> = {
  drafting: '起草中',
  submitted: '已报送',
  county_review: '县级审核中',
  returned: '已退回修改',
  county_approved: '县级已审定',
  prefecture_review: '州/地区审核中',
  prefecture_approved: '州/地区已签署',
  region_review: '自治区审核中',
  region_approved: '自治区已签署',
  published: '已发布',
};

/** Stages in which the township may edit its draft. */
export const EDITABLE_STAGES: readonly ListStage[] = ['drafting', 'returned'];
