import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EditionSettings, ListStage, UpdateEditionSettingsRequest } from '@dutylist/shared';
import { EditionSettingsEntity } from './edition-settings.entity';

/** 三上三下: three rounds unless the edition says otherwise; no deadlines unless set. */
export const DEFAULT_MAX_ROUNDS = 3;

/** Stages whose deadline is the township's revision time; every other open stage uses the review time. */
const REVISE_STAGES: readonly ListStage[] = ['returned'];

@Injectable()
export class EditionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(edition: number, manager: EntityManager = this.db.manager): Promise<EditionSettings> {
    const row = await manager.findOneBy(EditionSettingsEntity, { edition });
    return {
      edition,
      maxRounds: row?.maxRounds ?? DEFAULT_MAX_ROUNDS,
      reviewDays: row?.reviewDays ?? null,
      reviseDays: row?.reviseDays ?? null,
    };
  }

  async update(edition: number, request: UpdateEditionSettingsRequest): Promise<EditionSettings> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(EditionSettingsEntity)
      .values({ edition, ...request })
      .orUpdate(['max_rounds', 'review_days', 'revise_days', 'updated_at'], ['edition'])
      .execute();
    return this.get(edition);
  }

  /** When a stage entered now is due, or null (drafting and publishing have no deadline). */
  deadlineFor(stage: ListStage, settings: EditionSettings, from = new Date()): Date | null {
    if (stage === 'drafting' || stage === 'published') return null;
    const days = REVISE_STAGES.includes(stage) ? settings.reviseDays : settings.reviewDays;
    return days ? new Date(from.getTime() + days * 24 * 3600 * 1000) : null;
  }
}
