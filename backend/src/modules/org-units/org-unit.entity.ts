import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrgLevel } from '@dutylist/shared';

/** A node of the administrative hierarchy (region → prefecture → county → township), or a county department. */
@Entity({ name: 'org_units' })
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The full name, e.g. 昌吉回族自治州; unique among its siblings. */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The short name the documents use, e.g. 昌吉州. */
  @Column({ name: 'short_name', type: 'varchar', length: 50, nullable: true })
  shortName: string | null;

  /** Other names a document may use, e.g. 县民政局 for 奇台县民政局 (departments). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** A disabled unit keeps its history but takes no new accounts, lists or editions. */
  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'varchar', length: 16 })
  level: OrgLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_units_parent' })
  parent?: OrgUnitEntity | null;

  /** Materialised path of ids from the root, `/<id>/<id>/…/`: a subtree is a prefix match. */
  @Index('idx_org_units_path')
  @Column({ type: 'text' })
  path: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
