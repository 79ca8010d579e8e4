import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { CountyDepartment, OrgUnit, OrgUnitRef } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { OrgUnitEntity } from './org-unit.entity';
import { idsOfPath } from './org-unit.policy';

@Injectable()
export class OrgUnitsService {
  constructor(@InjectRepository(OrgUnitEntity) private readonly orgUnits: Repository<OrgUnitEntity>) {}

  /** The user's org unit and all below it, ordered from the top down. */
  async subtree(user: AuthUser): Promise<OrgUnit[]> {
    const rows = await this.orgUnits
      .createQueryBuilder('o')
      .where('o.path LIKE :prefix', { prefix: `${user.orgPath}%` })
      .orderBy('length(o.path)', 'ASC')
      .addOrderBy('o.name', 'ASC')
      .getMany();
    return rows.map((o) => ({ id: o.id, name: o.name, level: o.level, parentId: o.parentId }));
  }

  /**
   * The directory of a county's departments (县直部门) with their short names and aliases, for the
   * importer and the department consultation. Anyone whose scope includes the county reads it: the
   * levels above it and the units below it (its townships' drafters). Elsewhere the county is 404.
   */
  async departments(user: AuthUser, countyId: string): Promise<CountyDepartment[]> {
    const county = await this.orgUnits.findOneBy({ id: countyId });
    const visible = county && (county.path.startsWith(user.orgPath) || user.orgPath.startsWith(county.path));
    if (!county || county.level !== 'county' || !visible) {
      throw AppError.notFound('ORG_UNIT_NOT_FOUND', '未找到该县，或不在您的权限范围内');
    }
    const rows = await this.orgUnits.find({
      where: { parentId: county.id, level: 'department' },
      order: { name: 'ASC' },
    });
    return rows.map((d) => ({
      id: d.id,
      name: d.name,
      shortName: d.shortName,
      aliases: d.aliases,
      isActive: d.isActive,
    }));
  }

  /** The org units named by a materialised path, from the root down. */
  async pathOf(path: string): Promise<OrgUnitRef[]> {
    const ids = idsOfPath(path);
    const rows = await this.orgUnits.findBy({ id: In(ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const o = byId.get(id);
      return o ? [{ id: o.id, name: o.name, level: o.level }] : [];
    });
  }
}
