import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { LIST_TABLES, parseDutyListDocument, type OrgLevel } from '@dutylist/shared';
import { OrgUnitEntity } from '../../modules/org-units/org-unit.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { DutyListEntity } from '../../modules/lists/duty-list.entity';
import { ItemEntity } from '../../modules/items/item.entity';
import { itemFieldsFromRow } from '../../modules/items/item-fields';
import { DEMO_ACCOUNTS, DEMO_EDITION, DEMO_ORGS, DEMO_PASSWORD } from './demo-orgs';

/** backend/demo-data, from both src/database/demo and dist/database/demo. */
const DEMO_DATA_DIR = resolve(__dirname, '..', '..', '..', 'demo-data');

export interface SeedSummary {
  orgUnits: number;
  usersCreated: number;
  listsCreated: number;
  itemsCreated: number;
}

/**
 * Creates the org unit under its parent unless it exists; returns it. A short name or aliases given
 * here are filled in on an existing unit that has none (databases seeded before they existed).
 */
async function ensureOrgUnit(
  manager: EntityManager,
  name: string,
  level: OrgLevel,
  parent: OrgUnitEntity | null,
  names: { shortName?: string; aliases?: string[] } = {},
): Promise<OrgUnitEntity> {
  const existing = await manager.findOne(OrgUnitEntity, {
    where: { name, parentId: parent ? parent.id : (null as unknown as string) },
  });
  if (existing) {
    const fill: Partial<OrgUnitEntity> = {};
    if (names.shortName && !existing.shortName) fill.shortName = names.shortName;
    if (names.aliases?.length && existing.aliases.length === 0) fill.aliases = names.aliases;
    if (Object.keys(fill).length > 0) await manager.update(OrgUnitEntity, { id: existing.id }, fill);
    return Object.assign(existing, fill);
  }
  const unit = manager.create(OrgUnitEntity, {
    name,
    level,
    parentId: parent?.id ?? null,
    path: '',
    shortName: names.shortName ?? null,
    aliases: names.aliases ?? [],
  });
  unit.id = (await manager.query('SELECT gen_random_uuid() AS id'))[0].id;
  unit.path = `${parent?.path ?? '/'}${unit.id}/`;
  return manager.save(unit);
}

/**
 * Idempotent demo data: the org tree of the four sample documents, one account per role and unit,
 * and each township's 2025 list loaded from its document as the first draft. Running it again changes nothing.
 */
export async function seedDemo(db: DataSource): Promise<SeedSummary> {
  return db.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(727001)');
    const summary: SeedSummary = { orgUnits: 0, usersCreated: 0, listsCreated: 0, itemsCreated: 0 };
    const byName = new Map<string, OrgUnitEntity>();
    const townships: { unit: OrgUnitEntity; document: string }[] = [];

    const region = await ensureOrgUnit(manager, DEMO_ORGS.region, 'region', null, {
      shortName: DEMO_ORGS.regionShortName,
    });
    byName.set(region.name, region);
    for (const p of DEMO_ORGS.prefectures) {
      const prefecture = await ensureOrgUnit(manager, p.name, 'prefecture', region, { shortName: p.shortName });
      byName.set(prefecture.name, prefecture);
      for (const c of p.counties) {
        const county = await ensureOrgUnit(manager, c.name, 'county', prefecture, { shortName: c.shortName });
        byName.set(county.name, county);
        for (const d of c.departments ?? []) {
          const department = await ensureOrgUnit(manager, d.name, 'department', county, d);
          byName.set(department.name, department);
        }
        for (const t of c.townships) {
          const township = await ensureOrgUnit(manager, t.name, 'township', county);
          byName.set(township.name, township);
          townships.push({ unit: township, document: t.document });
        }
      }
    }
    summary.orgUnits = byName.size;

    const passwordHash = await argon2.hash(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      if (await manager.exists(UserEntity, { where: { username: account.username } })) continue;
      const org = byName.get(account.orgName);
      if (!org) throw new Error(`demo account ${account.username}: unknown org ${account.orgName}`);
      await manager.insert(UserEntity, {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        orgUnitId: org.id,
        passwordHash,
      });
      summary.usersCreated += 1;
    }

    // The demo edition stands opened by the region, as after 届次管理 → 开启新届次: 补建草稿 works for new townships.
    const regionReviewer = await manager.findOneBy(UserEntity, { username: 'xinjiang' });
    await manager.query(
      `INSERT INTO edition_settings (edition, max_rounds, title, opened_at, opened_by)
       VALUES ($1, 3, $2, now(), $3) ON CONFLICT (edition) DO NOTHING`,
      [DEMO_EDITION, `${DEMO_EDITION}年度`, regionReviewer?.id ?? null],
    );

    for (const { unit, document } of townships) {
      if (await manager.exists(DutyListEntity, { where: { townshipId: unit.id, edition: DEMO_EDITION } })) continue;
      const parsed = parseDutyListDocument(readFileSync(join(DEMO_DATA_DIR, 'documents', document)));
      const list = await manager.save(
        manager.create(DutyListEntity, {
          townshipId: unit.id,
          edition: DEMO_EDITION,
          title: `${unit.name}履职事项清单（${DEMO_EDITION}年）`,
          explanation: parsed.explanation ?? {},
        }),
      );
      summary.listsCreated += 1;
      for (const table of LIST_TABLES) {
        const rows = parsed.lists[table].map((row, index) => ({
          listId: list.id,
          ...itemFieldsFromRow(row, table, index + 1),
        }));
        for (let i = 0; i < rows.length; i += 200) await manager.insert(ItemEntity, rows.slice(i, i + 200));
        summary.itemsCreated += rows.length;
      }
    }
    return summary;
  });
}
