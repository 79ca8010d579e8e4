import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DutyListEntity } from '../src/modules/lists/duty-list.entity';
import { ListsService } from '../src/modules/lists/lists.service';
import { ItemEntity } from '../src/modules/items/item.entity';
import { OrgUnitEntity } from '../src/modules/org-units/org-unit.entity';
import { UserSessionEntity } from '../src/modules/users/user-session.entity';
import { UserEntity } from '../src/modules/users/user.entity';
import { UsersService } from '../src/modules/users/users.service';

/** A frozen version cannot be changed, even by SQL that bypasses the application. */
describe('immutable versions', () => {
  let db: DataSource;
  let list: DutyListEntity;
  let versionId: string;

  beforeAll(async () => {
    db = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL as string));
    await db.initialize();
    const suffix = Math.random().toString(36).slice(2, 8);
    const [{ id }] = await db.query(`SELECT gen_random_uuid() AS id`);
    const township = await db.getRepository(OrgUnitEntity).save({
      id,
      name: `版本测试区${suffix}`,
      level: 'region',
      parentId: null,
      path: `/${id}/`,
    });
    list = await db.getRepository(DutyListEntity).save({ townshipId: township.id, edition: 2025, title: '测试清单' });
    await db.getRepository(ItemEntity).insert([
      { listId: list.id, table: 'basic', seq: 1, category: '党的建设', name: '事项一' },
      { listId: list.id, table: 'revoked', seq: 1, category: '经济发展', name: '事项二', undertaker: '县发改委' },
    ]);
    const service = new ListsService(
      db,
      new UsersService(db.getRepository(UserEntity), db.getRepository(UserSessionEntity)),
    );
    versionId = (await db.transaction((m) => service.createVersion(m, list, null, '第1轮报送'))).id;
  });

  afterAll(() => db?.destroy());

  it('snapshots every item of the draft with its identity', async () => {
    const items = await db.query(
      `SELECT item_id, list_table, seq, name FROM version_items WHERE version_id = $1 ORDER BY list_table`,
      [versionId],
    );
    const draft = await db.getRepository(ItemEntity).find({ where: { listId: list.id }, order: { table: 'ASC' } });
    expect(items.map((i: { item_id: string }) => i.item_id)).toEqual(draft.map((d) => d.id));
    expect(items.map((i: { name: string }) => i.name)).toEqual(['事项一', '事项二']);
  });

  it.each([
    ['UPDATE list_versions SET label = $2 WHERE id = $1', ['x']],
    ['DELETE FROM list_versions WHERE id = $1', []],
    ['UPDATE version_items SET name = $2 WHERE version_id = $1', ['改写']],
    ['DELETE FROM version_items WHERE version_id = $1', []],
  ])('the database refuses %s', async (sql, extra) => {
    await expect(db.query(sql, [versionId, ...extra])).rejects.toThrow(/versions are immutable/);
  });

  it('the draft stays editable while the version keeps the old text', async () => {
    await db.getRepository(ItemEntity).update({ listId: list.id, table: 'basic' }, { name: '事项一（修改）' });
    const [frozen] = await db.query(`SELECT name FROM version_items WHERE version_id = $1 AND list_table = 'basic'`, [
      versionId,
    ]);
    expect(frozen.name).toBe('事项一');
  });
});
