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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
