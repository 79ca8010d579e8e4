import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { OrgUnit, OrgUnitRef } from '@dutylist/shared';
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
