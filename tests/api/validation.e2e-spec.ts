import type { DraftValidation } from '@dutylist/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { bearer } from '../support/auth';

describe('validation report of a draft (the import rules on edited items)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  it('reports each doubt on the item it concerns, and stated counts against the tables', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township, [
      { name: '加强党的建设' },
      { name: '类别未填的事项', category: null },
      { table: 'cooperative', name: '没有对应部门的配合事项', departments: [] },
      { table: 'revoked', name: '加强党的建设', undertaker: '县委组织部负责' },
    ]);
    await app.db.query(`UPDATE duty_lists SET explanation = $2 WHERE id = $1`, [
      list.id,
      { content: '共有履职事项 5 项，其中，基本履职事项 3 项、配合履职事项 1 项、上级部门收回事项 1 项。' },
    ]);
    const reviewer = await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username);
    const res = await app.http.get(`/api/lists/${list.id}/validation`).set('Authorization', reviewer);
    expect(res.status).toBe(200);
    const report = res.body as DraftValidation;
    const items: { id: string; list_table: string; seq: number }[] = await app.db.query(
      `SELECT id, list_table, seq FROM items WHERE list_id = $1`,
      [list.id],
    );
    const idOf = (table: string, seq: number) => items.find((i) => i.list_table === table && i.seq === seq)!.id;
    const codes = (code: string) => report.issues.filter((i) => i.code === code);

    expect(report.statedCounts).toMatchObject({ basic: 3, cooperative: 1, revoked: 1, total: 5 });
    expect(codes('CATEGORY_BLANK').map((i) => i.itemId)).toEqual([idOf('basic', 2)]);
    expect(codes('DEPARTMENT_MISSING').map((i) => i.itemId)).toEqual([idOf('cooperative', 1)]);
    expect(codes('DUPLICATE_ACROSS_TABLES').length).toBeGreaterThan(0);
    expect(codes('COUNT_MISMATCH').map((i) => i.list)).toEqual(['basic']);
    expect(report.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);

    const outsider = await bearer(
      app,
      (await createUser(app.db, 'county_reviewer', await createOrgUnit(app.db, 'county', region))).username,
    );
    expect((await app.http.get(`/api/lists/${list.id}/validation`).set('Authorization', outsider)).status).toBe(404);
  });
});
