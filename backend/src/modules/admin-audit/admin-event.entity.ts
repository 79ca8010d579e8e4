import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an administrative change is about. */
export type AdminTargetType = 'org_unit' | 'user' | 'edition' | 'webhook' | 'onboarding' | 'session';

/**
 * One administrative change: who did what to which org unit, account or setting, and when. Append-only
 * (the database refuses UPDATE and DELETE). `orgUnitId` anchors it in the hierarchy, so an admin sees
 * the changes in their own subtree.
 */
@Entity({ name: 'admin_events' })
export class AdminEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: AdminTargetType;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** One line in Chinese for the trail, e.g. 新建乡镇“碧流河镇”. */
  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
