import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportPreview } from '@dutylist/shared';

@Entity({ name: 'document_imports' })
export class DocumentImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 16, default: 'previewed' })
  status: 'previewed' | 'confirmed';

  /** The preview as shown to the drafter (rows, matches, issues): confirming applies exactly this. */
  @Column({ type: 'jsonb' })
  preview: Omit<ImportPreview, 'id' | 'listId' | 'status' | 'createdAt'>;

  /** The draft's updated_at when previewed: a draft changed since then makes the preview stale. */
  @Column({ name: 'base_updated_at', type: 'timestamptz' })
  baseUpdatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
