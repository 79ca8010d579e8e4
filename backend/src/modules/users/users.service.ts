import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { UserRef } from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The user with the password hash, for login only. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username: username.trim() })
      .getOne();
  }

  async findAuthUser(id: string): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { id, isActive: true }, relations: { orgUnit: true } });
    if (!user?.orgUnit) return null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgUnitName: user.orgUnit.name,
      orgLevel: user.orgUnit.level,
      orgPath: user.orgUnit.path,
    };
  }

  async existingUsernames(usernames: string[]): Promise<Set<string>> {
    const rows = await this.users.find({ select: { username: true }, where: { username: In(usernames) } });
    return new Set(rows.map((r) => r.username));
  }

  /** Display references (name, role, org) of the given users, by id. */
  async refs(ids: Iterable<string>): Promise<Map<string, UserRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.users.find({ where: { id: In(unique) }, relations: { orgUnit: true } });
    return new Map(users.map((u) => [u.id, toUserRef(u)]));
  }
}

export function toUserRef(user: UserEntity): UserRef {
  return { id: user.id, displayName: user.displayName, role: user.role, orgName: user.orgUnit?.name ?? '' };
}
