import type { Role } from '@dutylist/shared';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_EDITION = 2025;

export interface DemoTownship {
  name: string;
  /** File under backend/demo-data/documents/ with the township's published list. */
  document: string;
}

export interface DemoOrgTree {
  region: string;
  prefectures: { name: string; counties: { name: string; townships: DemoTownship[] }[] }[];
}

/** The region, prefectures, counties and townships of the four sample documents. */
export const DEMO_ORGS: DemoOrgTree = {
  region: '新疆维吾尔自治区',
  prefectures: [
    {
      name: '昌吉回族自治州',
      counties: [
        { name: '奇台县', townships: [{ name: '碧流河镇', document: 'biliuhe.txt' }] },
        { name: '吉木萨尔县', townships: [{ name: '三台镇', document: 'santai.txt' }] },
        { name: '木垒县', townships: [{ name: '白杨河乡', document: 'baiyanghe.txt' }] },
      ],
    },
    {
      name: '克孜勒苏柯尔克孜自治州',
      counties: [{ name: '阿合奇县', townships: [{ name: '阿合奇镇', document: 'aheqi.txt' }] }],
    },
  ],
};

export interface DemoAccountSpec {
  username: string;
  displayName: string;
  role: Role;
  /** Name of the org unit the account belongs to (unique in the demo tree). */
  orgName: string;
}

/** One account per role and org unit; every password is DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', orgName: '新疆维吾尔自治区' },
  { username: 'xinjiang', displayName: '自治区编办 审核员', role: 'region_reviewer', orgName: '新疆维吾尔自治区' },
  { username: 'changji', displayName: '昌吉州编办 审核员', role: 'prefecture_reviewer', orgName: '昌吉回族自治州' },
  {
    username: 'kezhou',
    displayName: '克州编办 审核员',
    role: 'prefecture_reviewer',
    orgName: '克孜勒苏柯尔克孜自治州',
  },
  { username: 'qitai', displayName: '奇台县委编办 审核员', role: 'county_reviewer', orgName: '奇台县' },
  { username: 'jimusaer', displayName: '吉木萨尔县委编办 审核员', role: 'county_reviewer', orgName: '吉木萨尔县' },
  { username: 'mulei', displayName: '木垒县委编办 审核员', role: 'county_reviewer', orgName: '木垒县' },
  { username: 'aheqi-county', displayName: '阿合奇县委编办 审核员', role: 'county_reviewer', orgName: '阿合奇县' },
  { username: 'biliuhe', displayName: '碧流河镇 起草人', role: 'township_drafter', orgName: '碧流河镇' },
  { username: 'santai', displayName: '三台镇 起草人', role: 'township_drafter', orgName: '三台镇' },
  { username: 'baiyanghe', displayName: '白杨河乡 起草人', role: 'township_drafter', orgName: '白杨河乡' },
  { username: 'aheqi', displayName: '阿合奇镇 起草人', role: 'township_drafter', orgName: '阿合奇镇' },
];
