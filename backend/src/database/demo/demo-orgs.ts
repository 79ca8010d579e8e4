import type { Role } from '@dutylist/shared';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_EDITION = 2025;

export interface DemoTownship {
  name: string;
  /** File under backend/demo-data/documents/ with the township's published list. */
  document: string;
}

/** A county department (县直部门) with the other names the documents use for it. */
export interface DemoDepartment {
  name: string;
  shortName: string;
  aliases?: string[];
}

export interface DemoCounty {
  name: string;
  shortName?: string;
  townships: DemoTownship[];
  departments?: DemoDepartment[];
}

export interface DemoOrgTree {
  region: string;
  regionShortName: string;
  prefectures: { name: string; shortName: string; counties: DemoCounty[] }[];
}

/** 奇台县's departments, as the 对应上级部门 column of 碧流河镇's list names them. */
const QITAI_DEPARTMENTS: DemoDepartment[] = [
  { name: '奇台县民政局', shortName: '县民政局', aliases: ['民政局'] },
  { name: '奇台县公安局', shortName: '县公安局', aliases: ['公安局'] },
  { name: '奇台县自然资源局', shortName: '县自然资源局', aliases: ['自然资源局'] },
  { name: '奇台县住房和城乡建设局', shortName: '县住建局', aliases: ['县住房和城乡建设局', '住建局'] },
  { name: '奇台县农业农村局', shortName: '县农业农村局', aliases: ['农业农村局'] },
  { name: '奇台县水利局', shortName: '县水利局', aliases: ['水利局'] },
  { name: '奇台县卫生健康委员会', shortName: '县卫健委', aliases: ['县卫生健康委员会', '卫健委'] },
  { name: '奇台县应急管理局', shortName: '县应急管理局', aliases: ['应急管理局'] },
];

/** The region, prefectures, counties and townships of the four sample documents. */
export const DEMO_ORGS: DemoOrgTree = {
  region: '新疆维吾尔自治区',
  regionShortName: '新疆',
  prefectures: [
    {
      name: '昌吉回族自治州',
      shortName: '昌吉州',
      counties: [
        {
          name: '奇台县',
          townships: [{ name: '碧流河镇', document: 'biliuhe.txt' }],
          departments: QITAI_DEPARTMENTS,
        },
        { name: '吉木萨尔县', townships: [{ name: '三台镇', document: 'santai.txt' }] },
        { name: '木垒县', townships: [{ name: '白杨河乡', document: 'baiyanghe.txt' }] },
      ],
    },
    {
      name: '克孜勒苏柯尔克孜自治州',
      shortName: '克州',
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
  { username: 'changji-admin', displayName: '昌吉州 管理员', role: 'admin', orgName: '昌吉回族自治州' },
  { username: 'qitai-admin', displayName: '奇台县 管理员', role: 'admin', orgName: '奇台县' },
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
