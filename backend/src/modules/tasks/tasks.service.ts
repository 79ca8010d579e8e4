import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  LIST_STAGES,
  STAGE_TASK_LABELS,
  STAGE_TURN,
  reviewLevelOf,
  type DashboardRow,
  type Task,
} from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { DutyListEntity } from '../lists/duty-list.entity';
import { ListsService, isOverdue, turnOf, type ListRow } from '../lists/lists.service';
import { ReviewStateService } from '../reviews/review-state.service';

interface ProgressRow {
  list_id: string;
  total: number;
  approved: number;
  returned: number;
  decided_by_level: number;
  open_threads: number;
}

/** "Whose turn": what awaits a user, and the state of every list in their part of the hierarchy. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly state: ReviewStateService,
  ) {}

  /** The lists awaiting the user's action, oldest first, with deadlines and what is still pending. */
  async tasksFor(user: AuthUser): Promise<Task[]> {
    const stages = LIST_STAGES.filter((s) => STAGE_TURN[s] === user.role);
    if (stages.length === 0) return [];
    const rows = await this.lists.selectLists('t.path LIKE $1 AND l.stage = ANY($2)', [`${user.orgPath}%`, stages]);
    const progress = await this.progress(
      rows.map((r) => r.id),
      reviewLevelOf(user.role) ?? 'county',
    );
    const tasks: Task[] = [];
    for (const row of rows) {
      const p = progress.get(row.id);
      let pending = 0;
      if (user.role === 'township_drafter') {
        const list = await this.db.manager.findOneByOrFail(DutyListEntity, { id: row.id });
        pending = (await this.state.openFeedbackItems(this.db.manager, list)).length;
      } else if (row.stage !== 'region_approved') {
        pending = p ? p.total - p.decided_by_level : 0;
      }
      tasks.push({
        listId: row.id,
        title: row.title,
        township: row.township_name,
        county: row.county_name,
        stage: row.stage,
        round: row.round,
        task: STAGE_TASK_LABELS[row.stage],
        since: new Date(row.stage_since).toISOString(),
        deadline: row.deadline_at ? new Date(row.deadline_at).toISOString() : null,
        overdue: isOverdue(row),
        pending,
      });
    }
    return tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.since.localeCompare(b.since));
  }

  /** Every list in scope: stage, round, the county's item decisions on the latest version, open threads. */
  async dashboard(user: AuthUser): Promise<DashboardRow[]> {
    const rows = await this.lists.selectLists('t.path LIKE $1', [`${user.orgPath}%`]);
    const progress = await this.progress(
      rows.map((r) => r.id),
      'county',
    );
    return rows.map((row) => this.toRow(row, progress.get(row.id)));
  }

  private toRow(row: ListRow, p: ProgressRow | undefined): DashboardRow {
    const total = p?.total ?? 0;
    const approved = p?.approved ?? 0;
    const returned = p?.returned ?? 0;
    return {
      listId: row.id,
      title: row.title,
      township: { id: row.township_id, name: row.township_name },
      county: { id: row.county_id, name: row.county_name },
      prefecture: { id: row.prefecture_id, name: row.prefecture_name },
      stage: row.stage,
      round: row.round,
      maxRounds: row.max_rounds,
      turn: turnOf(row),
      items: { total, approved, returned, open: Math.max(0, total - approved - returned) },
      unresolvedThreads: p?.open_threads ?? 0,
      deadline: row.deadline_at ? new Date(row.deadline_at).toISOString() : null,
      overdue: isOverdue(row),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /**
   * Per list, on its latest version (the draft when nothing was submitted yet): items, county
   * approvals, items returned at any level, items decided by `level`, and unresolved threads.
   */
  private async progress(listIds: string[], level: string): Promise<Map<string, ProgressRow>> {
    if (listIds.length === 0) return new Map();
    const rows: ProgressRow[] = await this.db.query(
      `WITH latest AS (
         SELECT DISTINCT ON (list_id) id, list_id FROM list_versions
         WHERE list_id = ANY($1) ORDER BY list_id, number DESC)
       SELECT l.id AS list_id,
         CASE WHEN v.id IS NULL THEN (SELECT count(*) FROM items i WHERE i.list_id = l.id)
              ELSE (SELECT count(*) FROM version_items vi WHERE vi.version_id = v.id) END::int AS total,
         (SELECT count(*) FROM item_decisions d
          WHERE d.version_id = v.id AND d.level = 'county' AND d.decision = 'approved')::int AS approved,
         (SELECT count(DISTINCT d.item_id) FROM item_decisions d
          WHERE d.version_id = v.id AND d.decision IN ('returned', 'suggested'))::int AS returned,
         (SELECT count(*) FROM item_decisions d WHERE d.version_id = v.id AND d.level = $2)::int AS decided_by_level,
         (SELECT count(*) FROM comment_threads c WHERE c.list_id = l.id AND c.status = 'open')::int AS open_threads
       FROM duty_lists l LEFT JOIN latest v ON v.list_id = l.id
       WHERE l.id = ANY($1)`,
      [listIds, level],
    );
    return new Map(rows.map((r) => [r.list_id, r]));
  }
}
