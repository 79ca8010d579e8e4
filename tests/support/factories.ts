import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import {
  LIST_TABLES,
  parseDutyListDocument,
  type Category,
  type ListStage,
  type ListTable,
  type OrgLevel,
  type Role,
} from '@dutylist/shared';
import { OrgUnitEntity } from '../../backend/src/modules/org-units/org-unit.entity';
import { UserEntity } from '../../backend/src/modules/users/user.entity';
import { DutyListEntity } from '../../backend/src/modules/lists/duty-list.entity';
import { ItemEntity } from '../../backend/src/modules/items/item.entity';
import { itemFieldsFromRow } from '../../backend/src/modules/items/item-fields';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;
let counter = 0;

/** A name no other test uses, so tests build their own world instead of sharing state. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function createOrgUnit(
  db: DataSource,
  level: OrgLevel,
  parent: OrgUnitEntity | null,
  name = unique(level),
): Promise<OrgUnitEntity> {
  const [{ id }] = await db.query('SELECT gen_random_uuid() AS id');
  return db
    .getRepository(OrgUnitEntity)
    .save({ id, name, level, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` });
}

export async function createUser(db: DataSource, role: Role, orgUnit: OrgUnitEntity): Promise<UserEntity> {
  passwordHash ??= argon2.hash(TEST_PASSWORD);
  const username = unique(role.split('_')[0]);
  return db.getRepository(UserEntity).save({
    username,
    displayName: `测试用户 ${username}`,
    role,
    orgUnitId: orgUnit.id,
    passwordHash: await passwordHash,
  });
}

export interface ItemSpec {
  table?: ListTable;
  category?: Category | null;
  name?: string;
  departments?: string[];
  undertaker?: string;
}

export async function createList(
  db: DataSource,
  township: OrgUnitEntity,
  items: ItemSpec[] = [],
  stage: ListStage = 'drafting',
  edition = 2025,
): Promise<DutyListEntity> {
  const list = await db.getRepository(DutyListEntity).save({
    townshipId: township.id,
    edition,
    title: `${township.name}履职事项清单`,
    stage,
  });
  const seqs: Record<ListTable, number> = { basic: 0, cooperative: 0, revoked: 0 };
  const rows = items.map((spec, i) => {
    const table = spec.table ?? 'basic';
    seqs[table] += 1;
    return {
      listId: list.id,
      table,
      seq: seqs[table],
      category: spec.category === undefined ? ('党的建设' as Category) : spec.category,
      name: spec.name ?? `事项${i + 1}`,
      departments: spec.departments ?? [],
      undertaker: spec.undertaker ?? '',
    };
  });
  if (rows.length) await db.getRepository(ItemEntity).insert(rows);
  return list;
}

/** region → 2 prefectures → counties → townships, each township with a draft list, and one user per role. */
export async function createWorld(db: DataSource) {
  const region = await createOrgUnit(db, 'region', null);
  const prefA = await createOrgUnit(db, 'prefecture', region);
  const prefB = await createOrgUnit(db, 'prefecture', region);
  const countyA1 = await createOrgUnit(db, 'county', prefA);
  const countyA2 = await createOrgUnit(db, 'county', prefA);
  const countyB1 = await createOrgUnit(db, 'county', prefB);
  const townA1x = await createOrgUnit(db, 'township', countyA1);
  const townA1y = await createOrgUnit(db, 'township', countyA1);
  const townA2 = await createOrgUnit(db, 'township', countyA2);
  const townB1 = await createOrgUnit(db, 'township', countyB1);
  const sample: ItemSpec[] = [
    { name: '基本一' },
    { name: '基本二' },
    { table: 'cooperative', name: '配合一', departments: ['县民政局', '县公安局'] },
    { table: 'revoked', name: '收回一', undertaker: '县委组织部' },
  ];
  const lists = {
    A1x: await createList(db, townA1x, sample),
    A1y: await createList(db, townA1y, sample),
    A2: await createList(db, townA2, sample),
    B1: await createList(db, townB1, sample),
  };
  const users = {
    drafterA1x: await createUser(db, 'township_drafter', townA1x),
    countyA1: await createUser(db, 'county_reviewer', countyA1),
    prefectureA: await createUser(db, 'prefecture_reviewer', prefA),
    region: await createUser(db, 'region_reviewer', region),
    admin: await createUser(db, 'admin', region),
  };
  return {
    orgs: { region, prefA, prefB, countyA1, countyA2, countyB1, townA1x, townA1y, townA2, townB1 },
    lists,
    users,
  };
}

/**
 * Puts a list straight into a stage of the cycle, as the workflow would have left it: a frozen
 * version 1 of its items (for every stage after drafting), and optionally decisions on it.
 */
export async function putInStage(
  db: DataSource,
  list: DutyListEntity,
  stage: ListStage,
  options: {
    decisions?: { level: 'county' | 'prefecture' | 'region'; decision: 'approved' | 'returned'; by: UserEntity }[];
  } = {},
): Promise<{ versionId: string | null; itemIds: string[] }> {
  const itemIds = (
    (await db.query(`SELECT id FROM items WHERE list_id = $1 ORDER BY list_table, seq`, [list.id])) as {
      id: string;
    }[]
  ).map((r) => r.id);
  await db.query(`UPDATE duty_lists SET stage = $2 WHERE id = $1`, [list.id, stage]);
  if (stage === 'drafting') return { versionId: null, itemIds };
  const [{ id: versionId }] = await db.query(
    `INSERT INTO list_versions (list_id, number, round, label, explanation) VALUES ($1, 1, 1, '第1轮报送（1上）', '{}') RETURNING id`,
    [list.id],
  );
  await db.query(
    `INSERT INTO version_items (version_id, item_id, list_table, seq, category, name, departments, upper_duties, township_duties, undertaker)
     SELECT $1, id, list_table, seq, category, name, departments, upper_duties, township_duties, undertaker FROM items WHERE list_id = $2`,
    [versionId, list.id],
  );
  for (const d of options.decisions ?? []) {
    await db.query(
      `INSERT INTO item_decisions (list_id, version_id, item_id, level, round, decision, reason, reviewer_id)
       SELECT $1, $2, id, $3, 1, $4::varchar, CASE WHEN $4::varchar = 'returned' THEN '请修改' END, $5 FROM items WHERE list_id = $1`,
      [list.id, versionId, d.level, d.decision, d.by.id],
    );
  }
  return { versionId, itemIds };
}

/**
 * A township of its own with one user per role on its path and a list loaded from a real sample
 * document: for specs (browser ones above all) that run the cycle on a full-size list without touching
 * the shared demo lists that other spec files of the same run read. Log in with TEST_PASSWORD.
 */
export async function createSampleWorld(db: DataSource, document = 'aheqi.txt') {
  // Only the root needs a unique name (names are unique among siblings): the rest read as in the sample.
  const region = await createOrgUnit(db, 'region', null, unique('新疆维吾尔自治区'));
  const prefecture = await createOrgUnit(db, 'prefecture', region, '克孜勒苏柯尔克孜自治州');
  const county = await createOrgUnit(db, 'county', prefecture, '阿合奇县');
  const township = await createOrgUnit(db, 'township', county, '阿合奇镇');
  const parsed = parseDutyListDocument(readFileSync(join(__dirname, '../../backend/demo-data/documents', document)));
  const list = await db.getRepository(DutyListEntity).save({
    townshipId: township.id,
    edition: 2025,
    title: `${township.name}履职事项清单（2025年）`,
    explanation: parsed.explanation ?? {},
  });
  for (const table of LIST_TABLES) {
    const rows = parsed.lists[table].map((row, index) => ({
      listId: list.id,
      ...itemFieldsFromRow(row, table, index + 1),
    }));
    for (let i = 0; i < rows.length; i += 200) await db.getRepository(ItemEntity).insert(rows.slice(i, i + 200));
  }
  const users = {
    drafter: await createUser(db, 'township_drafter', township),
    county: await createUser(db, 'county_reviewer', county),
    prefecture: await createUser(db, 'prefecture_reviewer', prefecture),
    region: await createUser(db, 'region_reviewer', region),
  };
  return { orgs: { region, prefecture, county, township }, list, users };
}
