import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  LIST_TABLES,
  ROLE_LEVEL,
  STAGE_TASK_LABELS,
  STAGE_TURN,
  explanationSchema,
  type DraftValidation,
  type Explanation,
  type ListDetail,
  type ListPublication,
  type ListSummary,
  type TableCounts,
  type Turn,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { ItemEntity } from '../items/item.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { isInScope } from '../org-units/org-unit.policy';
import { UsersService } from '../users/users.service';
import { DutyListEntity } from './duty-list.entity';
import { authorize, listAbilities } from '../policies/list.policy';
import { validateDraft } from './list-validation';
import { ListPublicationEntity } from './list-publication.entity';
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
  in_force_version_id: string | null;
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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

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
    const byId = new Map(versions.map((v) => [v.id, v]));
    const publications = await this.publications(this.db.manager, listId);
    const cycle = publications.at(-1);
    // Published before the version in force was recorded: its latest version.
    const inForceId = list.inForceVersionId ?? (list.stage === 'published' ? versions.at(-1)?.id : undefined);
    const inForce = inForceId ? byId.get(inForceId) : undefined;
    const inForcePublication = inForce ? publications.find((p) => p.publishedVersionId === inForce.id) : undefined;
    return {
      ...this.toSummary(user, row, counts.get(listId)),
      explanation: explanationSchema.parse(list.explanation ?? {}),
      versions: versions.map((v) => ({
        number: v.number,
        round: v.round,
        cycle: v.cycle,
        label: v.label,
        createdAt: v.createdAt.toISOString(),
      })),
      inForce: inForce
        ? {
            number: inForce.number,
            label: inForce.label,
            publishedAt: inForcePublication?.publishedAt?.toISOString() ?? null,
          }
        : null,
      cycle: { number: cycle?.number ?? 1, kind: cycle?.kind ?? 'initial' },
      publications: await this.publicationDtos(publications, byId),
      base: await this.baseOf(list),
    };
  }

  /**
   * A draft of `edition` for every active township under `scopePath` that has none yet, with its 说明 and
   * the version it starts from: the township's latest published list of an earlier edition (its version in
   * force), or none. Each gets its initial cycle. Returns the lists created (their items are the caller's).
   */
  async createEditionDrafts(
    manager: EntityManager,
    scopePath: string,
    edition: number,
    startedBy: string,
  ): Promise<{ listId: string; baseVersionId: string | null }[]> {
    const created: { id: string; base_version_id: string | null }[] = await manager.query(
      `INSERT INTO duty_lists (township_id, edition, title, explanation, base_version_id)
       SELECT t.id, $2::int, t.name || $3::text, COALESCE(b.explanation, '{}'::jsonb), b.version_id
       FROM org_units t
       LEFT JOIN LATERAL (
         SELECT v.id AS version_id, v.explanation
         FROM duty_lists p
         JOIN list_versions v ON v.id = COALESCE(
           p.in_force_version_id,
           (SELECT lv.id FROM list_versions lv WHERE lv.list_id = p.id ORDER BY lv.number DESC LIMIT 1))
         WHERE p.township_id = t.id AND p.edition < $2::int AND (p.in_force_version_id IS NOT NULL OR p.stage = 'published')
         ORDER BY p.edition DESC LIMIT 1
       ) b ON true
       WHERE t.level = 'township' AND t.is_active AND t.path LIKE $1
       ORDER BY t.path
       ON CONFLICT ON CONSTRAINT uq_duty_lists_township_edition DO NOTHING
       RETURNING id, base_version_id`,
      [`${scopePath}%`, edition, `履职事项清单（${edition}年）`],
    );
    if (created.length) {
      await manager.query(
        `INSERT INTO list_publications (list_id, number, kind, started_by, base_version_id)
         SELECT id, 1, 'initial', $2, base_version_id FROM unnest($1::uuid[], $3::uuid[]) AS c(id, base_version_id)`,
        [created.map((c) => c.id), startedBy, created.map((c) => c.base_version_id)],
      );
    }
    return created.map((c) => ({ listId: c.id, baseVersionId: c.base_version_id }));
  }

  /** The cycles of a list, oldest first (a list made before cycles were recorded has none until published). */
  publications(manager: EntityManager, listId: string): Promise<ListPublicationEntity[]> {
    return manager.find(ListPublicationEntity, { where: { listId }, order: { number: 'ASC' } });
  }

  /** The cycle under way or last completed: the initial one when none is recorded yet. */
  async currentCycle(
    manager: EntityManager,
    listId: string,
  ): Promise<{ number: number; kind: 'initial' | 'adjustment' }> {
    const [last] = await manager.find(ListPublicationEntity, { where: { listId }, order: { number: 'DESC' }, take: 1 });
    return last ? { number: last.number, kind: last.kind } : { number: 1, kind: 'initial' };
  }

  /** The version in force: the one last published (for lists published before this was recorded: the latest). */
  async inForceVersion(manager: EntityManager, list: DutyListEntity): Promise<ListVersionEntity | null> {
    if (list.inForceVersionId) return manager.findOneBy(ListVersionEntity, { id: list.inForceVersionId });
    if (list.stage !== 'published') return null;
    const [latest] = await manager.find(ListVersionEntity, {
      where: { listId: list.id },
      order: { number: 'DESC' },
      take: 1,
    });
    return latest ?? null;
  }

  /**
   * Opens the next cycle of a published list: an adjustment starting from the version in force (a list
   * published before cycles were recorded first gets its initial publication). Returns its number.
   */
  async startAdjustmentCycle(
    manager: EntityManager,
    list: DutyListEntity,
    inForce: ListVersionEntity,
    reason: string,
    startedBy: string,
  ): Promise<number> {
    const publications = await this.publications(manager, list.id);
    if (publications.length === 0) {
      await manager.insert(ListPublicationEntity, {
        listId: list.id,
        number: 1,
        kind: 'initial',
        startedAt: list.createdAt,
        baseVersionId: list.baseVersionId,
        publishedVersionId: inForce.id,
        publishedAt: list.stageSince,
      });
    }
    const number = (publications.at(-1)?.number ?? 1) + 1;
    await manager.insert(ListPublicationEntity, {
      listId: list.id,
      number,
      kind: 'adjustment',
      reason,
      startedBy,
      baseVersionId: inForce.id,
    });
    return number;
  }

  /** Records that the cycle under way published `version` (creating the initial cycle if none was recorded). */
  async recordPublication(
    manager: EntityManager,
    list: DutyListEntity,
    version: ListVersionEntity,
    publishedBy: string,
  ): Promise<ListPublicationEntity> {
    const open = await manager.findOne(ListPublicationEntity, {
      where: { listId: list.id, publishedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    const publication =
      open ??
      manager.create(ListPublicationEntity, {
        listId: list.id,
        number: (await this.currentCycle(manager, list.id)).number,
        kind: 'initial',
        startedAt: list.createdAt,
        baseVersionId: list.baseVersionId,
      });
    if (!open && (await manager.existsBy(ListPublicationEntity, { listId: list.id, number: publication.number }))) {
      throw new AppError('STAGE_CONFLICT', '该清单的本轮发布已记录');
    }
    publication.publishedVersionId = version.id;
    publication.publishedBy = publishedBy;
    publication.publishedAt = new Date();
    return manager.save(publication);
  }

  private async publicationDtos(
    rows: ListPublicationEntity[],
    versions: Map<string, ListVersionEntity>,
  ): Promise<ListPublication[]> {
    const people = await this.users.refs(
      rows.flatMap((r) => [r.startedBy, r.publishedBy]).filter((id): id is string => !!id),
    );
    const versionOf = (id: string | null) => (id ? versions.get(id) : undefined);
    return rows.map((r) => {
      const published = versionOf(r.publishedVersionId);
      return {
        number: r.number,
        kind: r.kind,
        reason: r.reason,
        startedBy: r.startedBy ? (people.get(r.startedBy) ?? null) : null,
        startedAt: r.startedAt.toISOString(),
        baseVersion: versionOf(r.baseVersionId)?.number ?? null,
        publishedVersion: published ? { number: published.number, label: published.label } : null,
        publishedBy: r.publishedBy ? (people.get(r.publishedBy) ?? null) : null,
        publishedAt: r.publishedAt?.toISOString() ?? null,
      };
    });
  }

  /** The earlier edition's published version a list started from. */
  private async baseOf(list: DutyListEntity): Promise<ListDetail['base']> {
    if (!list.baseVersionId) return null;
    const [row]: { list_id: string; edition: number; number: number; label: string }[] = await this.db.query(
      `SELECT v.list_id, l.edition, v.number, v.label FROM list_versions v JOIN duty_lists l ON l.id = v.list_id
       WHERE v.id = $1`,
      [list.baseVersionId],
    );
    return row ? { listId: row.list_id, edition: row.edition, versionNumber: row.number, label: row.label } : null;
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
    const cycle = await this.currentCycle(manager, list.id);
    const version = await manager.save(
      manager.create(ListVersionEntity, {
        listId: list.id,
        number: Number(last?.max ?? 0) + 1,
        round: list.round,
        cycle: cycle.number,
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
              l.return_level, l.stage_since, l.deadline_at, l.updated_at, l.in_force_version_id,
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
      adjusting: isAdjusting(row),
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

/** An adjustment is under way: a version is in force and the list is back in the cycle. */
export function isAdjusting(row: Pick<ListRow, 'stage' | 'in_force_version_id'>): boolean {
  return row.stage !== 'published' && row.in_force_version_id !== null;
}

export function isOverdue(row: Pick<ListRow, 'stage' | 'deadline_at'>, now = new Date()): boolean {
  return row.stage !== 'published' && row.deadline_at !== null && new Date(row.deadline_at) < now;
}
