import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReviewItem } from '@dutylist/shared';
import type { AuthUser } from '../../modules/auth/auth-user';
import { CommentsService } from '../../modules/comments/comments.service';
import { DutyListEntity } from '../../modules/lists/duty-list.entity';
import { ListVersionEntity } from '../../modules/lists/list-version.entity';
import { OrgUnitEntity } from '../../modules/org-units/org-unit.entity';
import { ReviewStateService } from '../../modules/reviews/review-state.service';
import { ReviewsService } from '../../modules/reviews/reviews.service';
import { RoundsService } from '../../modules/rounds/rounds.service';
import { UserEntity } from '../../modules/users/user.entity';
import { UsersService } from '../../modules/users/users.service';
import { DEMO_EDITION } from './demo-orgs';

/**
 * Demo lists part-way through the cycle, made by the real services (as the users would): 碧流河镇 in
 * 奇台县's round-1 review with some decisions and a thread, 白杨河乡 returned by 木垒县 with opinions to
 * answer. 三台镇 and 阿合奇镇 stay drafts. Only a list still in its untouched first draft is advanced,
 * so running it again changes nothing.
 */
export async function seedDemoReview(app: INestApplicationContext): Promise<string[]> {
  const db = app.get(DataSource, { strict: false });
  const users = app.get(UsersService, { strict: false });
  const rounds = app.get(RoundsService, { strict: false });
  const reviews = app.get(ReviewsService, { strict: false });
  const state = app.get(ReviewStateService, { strict: false });
  const comments = app.get(CommentsService, { strict: false });

  const as = async (username: string): Promise<AuthUser> => {
    const user = await db.getRepository(UserEntity).findOneByOrFail({ username });
    const auth = await users.findAuthUser(user.id);
    if (!auth) throw new Error(`demo user ${username} is not active`);
    return auth;
  };
  const freshDraft = async (township: string): Promise<string | null> => {
    const unit = await db.getRepository(OrgUnitEntity).findOneBy({ name: township, level: 'township' });
    const list = unit
      ? await db.getRepository(DutyListEntity).findOneBy({ townshipId: unit.id, edition: DEMO_EDITION })
      : null;
    if (!list || list.stage !== 'drafting') return null;
    return (await db.getRepository(ListVersionEntity).existsBy({ listId: list.id })) ? null : list.id;
  };
  const advanced: string[] = [];

  const biliuhe = await freshDraft('碧流河镇');
  if (biliuhe) {
    const [drafter, county] = [await as('biliuhe'), await as('qitai')];
    await rounds.submit(drafter, biliuhe, { note: '碧流河镇履职事项清单初稿，请审核' });
    await rounds.startReview(county, biliuhe);
    const items = (await state.getForUser(county, biliuhe)).items;
    const basic = items.filter((i) => i.item.table === 'basic');
    await reviews.bulkDecide(county, biliuhe, {
      itemIds: basic.slice(3, 60).map((i) => i.item.id),
      decision: 'approved',
    });
    await reviews.decideItem(county, biliuhe, basic[1].item.id, {
      decision: 'returned',
      reason: '事项名称与上级文件表述不一致，请核对后修改',
    });
    const cooperative = items.filter((i) => i.item.table === 'cooperative');
    await comments.createThread(county, biliuhe, {
      itemId: cooperative[0].item.id,
      field: 'departments',
      body: '对应上级部门是否齐全？请与县民政局核实。',
    });
    advanced.push('碧流河镇: 第1轮 县级审核中');
  }

  const baiyanghe = await freshDraft('白杨河乡');
  if (baiyanghe) {
    const [drafter, county] = [await as('baiyanghe'), await as('mulei')];
    await rounds.submit(drafter, baiyanghe, { note: '请县委编办审核' });
    await rounds.startReview(county, baiyanghe);
    const items = (await state.getForUser(county, baiyanghe)).items;
    const pick = (table: ReviewItem['item']['table'], index: number) =>
      items.filter((i) => i.item.table === table)[index];
    const returned = [pick('basic', 4), pick('cooperative', 2)];
    const suggested = pick('basic', 10);
    await reviews.bulkDecide(county, baiyanghe, {
      itemIds: items.filter((i) => ![...returned, suggested].includes(i)).map((i) => i.item.id),
      decision: 'approved',
    });
    for (const r of returned) {
      await reviews.decideItem(county, baiyanghe, r.item.id, {
        decision: 'returned',
        reason: '职责表述过于笼统，请写明乡镇承担的具体工作',
      });
    }
    await reviews.decideItem(county, baiyanghe, suggested.item.id, {
      decision: 'suggested',
      reason: '该事项已由县级部门承接，建议移入上级部门收回事项清单',
      suggestion: { table: 'revoked', fields: { undertaker: '县级主管部门承接' } },
    });
    await rounds.returnRound(county, baiyanghe, { reason: '请按逐项意见修改后重新报送' });
    advanced.push('白杨河乡: 第1轮 已退回修改');
  }
  return advanced;
}
