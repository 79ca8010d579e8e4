import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OnboardingPreview } from '@dutylist/shared';
import type { OnboardingInput } from './onboarding-plan';

/** What the preview shows, without what the row's own columns say. */
export type StoredOnboardingPreview = Pick<OnboardingPreview, 'counts' | 'orgUnits' | 'users' | 'problems'>;

/**
 * One uploaded workbook: its rows and the preview shown to the admin who uploaded it, until it expires
 * or is confirmed; then the sealed sheet of initial passwords until its one download.
 */
@Entity({ name: 'onboarding_imports' })
export class OnboardingImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  /** The admin's unit when uploading: the subtree the import was checked against. */
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ type: 'varchar', length: 16, default: 'preview' })
  status: 'preview' | 'confirmed';

  /** The rows as read from the workbook: confirming plans again from these. */
  @Column({ type: 'jsonb' })
  input: OnboardingInput;

  @Column({ type: 'jsonb' })
  preview: StoredOnboardingPreview;

  /** The signature of the previewed plan: a different plan at confirmation is a stale preview. */
  @Column({ name: 'plan_signature', type: 'char', length: 64 })
  planSignature: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The initial passwords' sheet, sealed (see sealPasswords); erased by its download. */
  @Column({ type: 'bytea', nullable: true, select: false })
  passwords: Buffer | null;

  @Column({ name: 'passwords_downloaded_at', type: 'timestamptz', nullable: true })
  passwordsDownloadedAt: Date | null;
}
