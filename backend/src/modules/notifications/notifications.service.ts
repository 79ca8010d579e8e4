import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type {
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  ReadAllResponse,
  StreamToken,
  UpdateNotificationPreferencesRequest,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import type { AccessTokenPayload, AuthUser } from '../auth/auth-user';
import { UsersService } from '../users/users.service';
import { NotificationEntity } from './notification.entity';
import { toNotificationDto } from './notification.mapper';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { allPreferenceKeys } from './notification-recipients.service';

/** What a stream token may be used for: nothing but opening the caller's own notification stream. */
const STREAM_TOKEN_USE = 'notifications-stream';
const STREAM_TOKEN_SECONDS = 60;

/** The inbox of the signed-in user: rows, unread count, read marks, preferences, live-stream tokens. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async list(user: AuthUser, query: NotificationListQuery): Promise<NotificationPage> {
    const q = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :userId', { userId: user.id })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(query.limit + 1);
    if (query.unread) q.andWhere('n.read_at IS NULL');
    if (query.before) {
      q.andWhere(
        `(n.created_at, n.id) < (SELECT b.created_at, b.id FROM notifications b WHERE b.id = :before AND b.recipient_id = :userId)`,
        { before: query.before },
      );
    }
    const rows = await q.getMany();
    const page = rows.slice(0, query.limit);
    return {
      items: await this.toDtos(page),
      unread: await this.unreadCount(user),
      nextBefore: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }

  unreadCount(user: Pick<AuthUser, 'id'>): Promise<number> {
    return this.db.getRepository(NotificationEntity).countBy({ recipientId: user.id, readAt: IsNull() });
  }

  /** Marks one of the caller's rows read (again: no change). Someone else's row: 404. */
  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const repo = this.db.getRepository(NotificationEntity);
    await repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'clock_timestamp()' })
      .where('id = :id AND recipient_id = :userId AND read_at IS NULL', { id, userId: user.id })
      .execute();
    const row = await repo.findOneBy({ id, recipientId: user.id });
    if (!row) throw AppError.notFound('NOTIFICATION_NOT_FOUND', '未找到该通知');
    const [dto] = await this.toDtos([row]);
    return dto;
  }

  async markAllRead(user: AuthUser): Promise<ReadAllResponse> {
    const result = await this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'clock_timestamp()' })
      .where('recipient_id = :userId AND read_at IS NULL', { userId: user.id })
      .execute();
    return { updated: result.affected ?? 0, unread: await this.unreadCount(user) };
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    const rows = await this.db.getRepository(NotificationPreferenceEntity).findBy({ userId: user.id });
    const stored = new Map(rows.map((r) => [`${r.event}|${r.channel}`, r.enabled]));
    const [me]: { email: string | null }[] = await this.db.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
    return {
      preferences: allPreferenceKeys().map(({ event, channel }) => ({
        event,
        channel,
        enabled: stored.get(`${event}|${channel}`) ?? true,
      })),
      email: { configured: !!this.config.SMTP_URL, address: me?.email ?? null },
    };
  }

  async updatePreferences(
    user: AuthUser,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(NotificationPreferenceEntity)
      .values(request.preferences.map((p) => ({ userId: user.id, ...p })))
      .orUpdate(['enabled', 'updated_at'], ['user_id', 'event', 'channel'])
      .execute();
    return this.preferences(user);
  }

  async streamToken(user: AuthUser): Promise<StreamToken> {
    const token = await this.jwt.signAsync(
      { sub: user.id, sid: user.sessionId, use: STREAM_TOKEN_USE },
      { expiresIn: STREAM_TOKEN_SECONDS, secret: this.streamSecret },
    );
    return { token, expiresAt: new Date(Date.now() + STREAM_TOKEN_SECONDS * 1000).toISOString() };
  }

  /**
   * Who opens the stream: a stream token in the query (browsers: EventSource cannot send headers), or
   * a normal access token in the Authorization header (other clients).
   */
  async streamUser(token: string | undefined, authorization: string | undefined): Promise<AuthUser> {
    const [scheme, bearer] = (authorization ?? '').split(' ');
    let payload: AccessTokenPayload | undefined;
    try {
      if (token) {
        const stream = await this.jwt.verifyAsync<AccessTokenPayload>(token, { secret: this.streamSecret });
        if (stream.use === STREAM_TOKEN_USE) payload = stream;
      } else if (scheme === 'Bearer' && bearer) {
        const access = await this.jwt.verifyAsync<AccessTokenPayload>(bearer);
        if (!access.use) payload = access;
      }
    } catch {
      payload = undefined;
    }
    const user =
      payload && typeof payload.sid === 'string' ? await this.users.findAuthUser(payload.sub, payload.sid) : null;
    if (!user) throw new AppError('UNAUTHENTICATED', '通知推送连接已过期，请重新登录');
    if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码，再继续使用系统');
    return user;
  }

  /**
   * Stream tokens are signed with their own key: the API's guard, which knows only JWT_SECRET, refuses
   * them, so a token seen in a URL opens the stream and nothing else.
   */
  private get streamSecret(): string {
    return `${this.config.JWT_SECRET}:${STREAM_TOKEN_USE}`;
  }

  private async toDtos(rows: NotificationEntity[]): Promise<Notification[]> {
    const actors = await this.users.refs(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
    return rows.map((r) => toNotificationDto(r, r.actorId ? (actors.get(r.actorId) ?? null) : null));
  }
}
