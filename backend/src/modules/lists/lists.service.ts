import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  LIST_TABLES,
  ROLE_LEVEL,
  STAGE_TASK_LABELS,
  STAGE_TURN,
  explanationSchema,
  type DraftValidation,
  type Explanation,
  type ListDetail,
  type ListSummary,
  type TableCounts,
  type Turn,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { ItemEntity } from '../items/item.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { isInScope } from '../org-units/org-unit.policy';
import { DutyListEntity } from './duty-list.entity';
import { authorize, listAbilities } from '../policies/list.policy';
import { validateDraft } from './list-validation';
import { ListVersionEntity } from './list-version.entity';
import { VersionItemEntity } from './version-item.entity';

export interface ListRow {
  id: string;
  edition: number;
  title: string;
  stage: DutyListEntity['stage'];
  round: number;
  max_rounds: number;
  return_level: DutyListEntity['returnLevel'];
  stage_since: Date;
  deadline_at: Date | null;
  updated_at: Date;
  region_id: string;
  region_name: string;
  township_id: string;
  township_name: string;
  county_id: string;
  county_name: string;
  prefecture_id: string;
  prefecture_name: string;
}

@Injectable()
export class ListsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The lists in the user's scope, with their stage and per-table counts. */
  async listForUser(user: AuthUser): Promise<ListSummary[]> {
    const rows = await this.selectLists('t.path LIKE $1', [`${user.orgPath}%`]);
    const counts = await this.countItems(rows.map((r) => r.id));
    return rows.map((row) => this.toSummary(user, row, counts.get(row.id)));
  }

  async getForUser(user: AuthUser, listId: string): Promise<ListDetail> {
    const [row] = await this.selectLists('l.id = $1 AND t.path LIKE $2', [listId, `${user.orgPath}%`]);
    if (!row) throw AppError.notFound('LIST_NOT_FOUND', '未找到该清单，或您无权访问');
    const list = await this.db.getRepository(DutyListEntity).findOneByOrFail({ id: listId });
    const counts = await this.countItems([listId]);
    const versions = await this.db
      .getRepository(ListVersionEntity)
      .find({ where: { listId }, order: { number: 'ASC' } });
    return {
      ...this.toSummary(user, row, counts.get(listId)),
      explanation: explanationSchema.parse(list.explanation ?? {}),
      versions: versions.map((v) => ({
        number: v.number,
        round: v.round,
        label: v.label,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  /** The validation report of the draft as it stands now. */
  async validateDraftForUser(user: AuthUser, listId: string): Promise<DraftValidation> {
    await this.getForUser(user, listId);
    const list = await this.db.getRepository(DutyListEntity).findOneByOrFail({ id: listId });
    const items = await this.db.getRepository(ItemEntity).find({ where: { listId } });
    return validateDraft(items, list.explanation ?? {});
  }

  /** Replaces the 说明 of the draft (drafter only, while the list is editable). */
  async updateExplanation(user: AuthUser, listId: string, explanation: Explanation): Promise<ListDetail> {
    await this.db.transaction(async (manager) => {
      const list = await this.lockForUser(manager, user, listId);
      authorize(user, 'editItems', list);
      await manager.update(DutyListEntity, { id: list.id }, { explanation });
    });
    return this.getForUser(user, listId);
  }

  /**
   * Loads a list inside a transaction for a change, locking its row first so that concurrent
   * changes to the same list run one after the other. Outside the user's scope: 404.
   */
  async lockForUser(manager: EntityManager, user: AuthUser, listId: string): Promise<DutyListEntity> {
    const list = await manager.findOne(DutyListEntity, { where: { id: listId }, lock: { mode: 'pessimistic_write' } });
    const township = list ? await manager.findOneBy(OrgUnitEntity, { id: list.townshipId }) : null;
    if (!list || !township || !isInScope(user, township.path)) {
      throw AppError.notFound('LIST_NOT_FOUND', '未找到该清单，或您无权访问');
    }
    return list;
  }

  /** Freezes the list's current draft into a new immutable version (used by the review cycle). */
  async createVersion(
    manager: EntityManager,
    list: DutyListEntity,
    createdBy: string | null,
    label: string,
  ): Promise<ListVersionEntity> {
    const last = await manager
      .createQueryBuilder(ListVersionEntity, 'v')
      .select('COALESCE(MAX(v.number), 0)', 'max')
      .where('v.list_id = :listId', { listId: list.id })
      .getRawOne<{ max: number }>();
    const version = await manager.save(
      manager.create(ListVersionEntity, {
        listId: list.id,
        number: Number(last?.max ?? 0) + 1,
        round: list.round,
        label,
        explanation: list.explanation,
        createdBy,
      }),
    );
    await manager.query(
      `INSERT INTO version_items (version_id, item_id, list_table, seq, category, name, departments,
                                  upper_duties, township_duties, undertaker)
       SELECT $1, id, list_table, seq, category, name, departments, upper_duties, township_duties, undertaker
       FROM items WHERE list_id = $2`,
      [version.id, list.id],
    );
    return version;
  }

  /** Items of a frozen version, in table order. */
  versionItems(manager: EntityManager, versionId: string): Promise<VersionItemEntity[]> {
    return manager.find(VersionItemEntity, { where: { versionId }, order: { table: 'ASC', seq: 'ASC' } });
  }

  /** Lists with their org units and cycle state; `where` filters on l (list) and t (township). */
  selectLists(where: string, params: unknown[]): Promise<ListRow[]> {
    return this.db.query(
      `SELECT l.id, l.edition, l.title, l.stage, l.round, COALESCE(es.max_rounds, 3) AS max_rounds,
              l.return_level, l.stage_since, l.deadline_at, l.updated_at,
              r.id AS region_id, r.name AS region_name,
              t.id AS township_id, t.name AS township_name,
              c.id AS county_id, c.name AS county_name,
              p.id AS prefecture_id, p.name AS prefecture_name
       FROM duty_lists l
       JOIN org_units t ON t.id = l.township_id
       JOIN org_units c ON c.id = t.parent_id
       JOIN org_units p ON p.id = c.parent_id
       JOIN org_units r ON r.id = p.parent_id
       LEFT JOIN edition_settings es ON es.edition = l.edition
       WHERE ${where}
       ORDER BY p.name, c.name, t.name, l.edition DESC`,
      params,
    );
  }

  private async countItems(listIds: string[]): Promise<Map<string, TableCounts>> {
    const result = new Map<string, TableCounts>();
    if (listIds.length === 0) return result;
    const rows: { list_id: string; list_table: keyof TableCounts; n: string }[] = await this.db
      .getRepository(ItemEntity)
      .query(
        `SELECT list_id, list_table, count(*) AS n FROM items WHERE list_id = ANY($1) GROUP BY list_id, list_table`,
        [listIds],
      );
    for (const row of rows) {
      const counts = result.get(row.list_id) ?? { basic: 0, cooperative: 0, revoked: 0 };
      counts[row.list_table] = Number(row.n);
      result.set(row.list_id, counts);
    }
    return result;
  }

  private toSummary(user: AuthUser, row: ListRow, counts?: TableCounts): ListSummary {
    return {
      id: row.id,
      edition: row.edition,
      title: row.title,
      stage: row.stage,
      round: row.round,
      maxRounds: row.max_rounds,
      township: { id: row.township_id, name: row.township_name },
      county: { id: row.county_id, name: row.county_name },
      prefecture: { id: row.prefecture_id, name: row.prefecture_name },
      counts: counts ?? (Object.fromEntries(LIST_TABLES.map((t) => [t, 0])) as TableCounts),
      turn: turnOf(row),
      returnLevel: row.return_level,
      stageSince: new Date(row.stage_since).toISOString(),
      deadline: row.deadline_at ? new Date(row.deadline_at).toISOString() : null,
      overdue: isOverdue(row),
      updatedAt: new Date(row.updated_at).toISOString(),
      can: listAbilities(user, { stage: row.stage, returnLevel: row.return_level }),
    };
  }
}

/** Whose action the list awaits: the role, and the org unit of the list's hierarchy that holds it. */
export function turnOf(row: ListRow): Turn | null {
  const role = STAGE_TURN[row.stage];
  if (!role) return null;
  const level = ROLE_LEVEL[role];
  const orgUnit =
    level === 'township'
      ? { id: row.township_id, name: row.township_name }
      : level === 'county'
        ? { id: row.county_id, name: row.county_name }
        : level === 'prefecture'
          ? { id: row.prefecture_id, name: row.prefecture_name }
          : { id: row.region_id, name: row.region_name };
  return { role, orgUnit, task: STAGE_TASK_LABELS[row.stage] };
}

export function isOverdue(row: Pick<ListRow, 'stage' | 'deadline_at'>, now = new Date()): boolean {
  return row.stage !== 'published' && row.deadline_at !== null && new Date(row.deadline_at) < now;
}
