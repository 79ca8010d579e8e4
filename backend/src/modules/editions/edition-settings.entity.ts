import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The rules of one edition's cycle: how many rounds (三上三下: 3) and how long each stage may take. */
@Entity({ name: 'edition_settings' })
export class EditionSettingsEntity {
  @PrimaryColumn({ type: 'int' })
  edition: number;

  @Column({ name: 'max_rounds', type: 'int', default: 3 })
  maxRounds: number;

  @Column({ name: 'review_days', type: 'int', nullable: true })
  reviewDays: number | null;

  @Column({ name: 'revise_days', type: 'int', nullable: true })
  reviseDays: number | null;

  /** `2026年度`; null for an edition that was never opened on the screen (only configured). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  title: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
