import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PublicationKind } from '@dutylist/shared';

/**
 * One cycle of a list towards publication: the initial one (number 1), then one per adjustment (动态调整),
 * each with the version it started from and, once published, the version it put in force.
 */
@Entity({ name: 'list_publications' })
export class ListPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 16 })
  kind: PublicationKind;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'base_version_id', type: 'uuid', nullable: true })
  baseVersionId: string | null;

  @Column({ name: 'published_version_id', type: 'uuid', nullable: true })
  publishedVersionId: string | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
