import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Response } from 'supertest';
import type {
  Feedback,
  Item,
  ListDiff,
  ListDiffEntry,
  PeerComparisonResponse,
  ReviewState,
  TextFieldChange,
} from '@dutylist/shared';
import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const STATED = (basic: number, cooperative: number, revoked: number) =>
  `共有履职事项 ${basic + cooperative + revoked} 项，其中，基本履职事项 ${basic} 项、配合履职事项 ${cooperative} 项、上级部门收回事项 ${revoked} 项。`;

/** Collect a download as bytes whatever its content type. */
function bytes(res: Response): Buffer {
  return Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '', 'utf8');
}

/**
 * The diffs API over HTTP, on rounds made by the real submit / decision / return endpoints: round 1 is
 * returned with opinions, the drafter rewords, moves (by accepting a suggestion), recategorises and inserts
 * an item at the top so everything renumbers, and submits round 2.
 */
describe('diffs between rounds, 修改对照表 and peer comparison', () => {
  let app: TestApp;
  let listId: string;
  let emptyListId: string;
  let peerA: string;
  let peerB: string;
  const token = { drafter: '', county: '', otherCounty: '', drafterB: '' };

  const get = (who: keyof typeof token, path: string) => app.http.get(path).set('Authorization', token[who]);
  const post = (who: keyof typeof token, path: string, body: object = {}) =>
    app.http.post(`/api/lists/${listId}${path}`).set('Authorization', token[who]).send(body);
  const diff = async (query = '', who: keyof typeof token = 'county'): Promise<ListDiff> => {
    const res = await get(who, `/api/lists/${listId}/diff${query}`);
    expect(res.status).toBe(200);
    return res.body as ListDiff;
  };
  const entryOf = (d: ListDiff, name: string): ListDiffEntry => {
    const found = d.entries.find((e) => (e.after ?? e.before)?.name === name || e.before?.name === name);
    if (!found) throw new Error(`no entry ${name}`);
    return found;
  };
  const draftItem = async (name: string): Promise<Item> => {
    const items = (await get('drafter', `/api/lists/${listId}/items`)).body.items as Item[];
    const found = items.find((i) => i.name === name);
    if (!found) throw new Error(`no draft item ${name}`);
    return found;
  };
  const download = (who: keyof typeof token, path: string) =>
    get(who, path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region, '测试地区');
    const county = await createOrgUnit(app.db, 'county', prefecture, '清河县');
    const otherCounty = await createOrgUnit(app.db, 'county', prefecture, '青山县');
    const township = await createOrgUnit(app.db, 'township', county, '甲镇');
    const peer = await createOrgUnit(app.db, 'township', county, '乙乡');
    const list = await createList(app.db, township, [
      { name: '党建甲' },
      { name: '党建乙' },
      { name: '民生丙', category: '民生服务' },
      { name: '民生丁', category: '民生服务' },
      { table: 'cooperative', name: '配合戊', category: '平安法治', departments: ['县公安局'] },
      { table: 'revoked', name: '收回己', category: '自然资源', undertaker: '县自然资源局' },
    ]);
    listId = list.id;
    emptyListId = (await createList(app.db, township, [{ name: '未报送的事项' }], 'drafting', 2024)).id;
    peerA = (
      await createList(
        app.db,
        township,
        [
          { name: '负责甲镇安全生产监督管理', category: '平安法治' },
          { name: '负责本镇农村供水工程管理', category: '民生服务' },
          { name: '甲镇独有的冬季牧场巡查' },
          { table: 'cooperative', name: '配合清河县民政局做好低保审核', category: '民生服务' },
        ],
        'drafting',
        2026,
      )
    ).id;
    peerB = (
      await createList(
        app.db,
        peer,
        [
          { name: '负责乙乡安全生产监督管理', category: '平安法治' },
          { name: '乙乡草原防火宣传与隐患排查' },
          { table: 'cooperative', name: '配合清河县民政局做好低保审核', category: '社会保障' },
          { table: 'revoked', name: '负责本乡农村供水工程管理', category: '民生服务' },
        ],
        'drafting',
        2026,
      )
    ).id;
    token.drafter = await bearer(app, (await createUser(app.db, 'township_drafter', township)).username);
    token.drafterB = await bearer(app, (await createUser(app.db, 'township_drafter', peer)).username);
    token.county = await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username);
    token.otherCounty = await bearer(app, (await createUser(app.db, 'county_reviewer', otherCounty)).username);

    const explanation = await app.http
      .put(`/api/lists/${listId}/explanation`)
      .set('Authorization', token.drafter)
      .send({ content: STATED(4, 1, 1) });
    expect(explanation.status).toBe(200);
  });
  afterAll(() => app?.close());

  it('a list never submitted has nothing to compare: 409 NO_VERSION; since-my-decision is empty', async () => {
    const res = await get('county', `/api/lists/${emptyListId}/diff`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'NO_VERSION' });
    const exported = await get('county', `/api/lists/${emptyListId}/diff/export?format=xlsx`);
    expect(exported.status).toBe(409);
    const since = await get('county', `/api/lists/${emptyListId}/diff/since-my-decision`);
    expect(since.status).toBe(200);
    expect(since.body).toEqual(
      expect.objectContaining({ from: null, entries: [], to: expect.objectContaining({ kind: 'draft' }) }),
    );
  });

  it('round 1: submitted, decided item by item and returned; the only version is compared with the draft', async () => {
    expect((await post('drafter', '/submit')).status).toBe(200);
    expect((await post('county', '/start-review')).status).toBe(200);
    const state = (await get('county', `/api/lists/${listId}/review`)).body as ReviewState;
    const id = (name: string) => state.items.find((i) => i.item.name === name)?.item.id as string;
    const decide = (name: string, body: object) => post('county', `/items/${id(name)}/decision`, body);
    expect((await decide('党建甲', { decision: 'approved' })).status).toBe(200);
    expect((await decide('党建乙', { decision: 'returned', reason: '名称不规范' })).status).toBe(200);
    expect(
      (await decide('民生丙', { decision: 'suggested', reason: '应由县局承接', suggestion: { table: 'revoked' } }))
        .status,
    ).toBe(200);
    expect((await decide('民生丁', { decision: 'approved' })).status).toBe(200);
    expect((await post('county', '/threads', { itemId: id('民生丁'), body: '类别是否应为社会管理？' })).status).toBe(
      201,
    );
    expect((await post('county', '/return-round', { reason: '请按意见修改' })).status).toBe(200);

    const d = await diff();
    expect(d.from).toEqual({ kind: 'version', version: expect.objectContaining({ number: 1, round: 1 }) });
    expect(d.to).toEqual(expect.objectContaining({ kind: 'draft', label: '当前草稿' }));
    expect(d.entries).toHaveLength(6);
    expect(d.entries.every((e) => e.status === 'unchanged')).toBe(true);
    // Decisions "on to" for the draft are those on the latest version, which the draft answers.
    expect(d.annotations[id('党建乙')].decisions).toEqual([
      expect.objectContaining({ decision: 'returned', reason: '名称不规范', versionNumber: 1 }),
    ]);
    expect(d.annotations[id('民生丁')].openThreads).toBe(1);
    expect(d.annotations[id('配合戊')]).toBeUndefined();
  });

  it('round 2: the diff shows exactly the reword, the move, the category change and the insert — not the renumbering', async () => {
    // The drafter rewords and answers, accepts the suggested move, recategorises, inserts at the top.
    const review = (await get('drafter', `/api/lists/${listId}/review`)).body as ReviewState;
    const feedback = (name: string) => review.feedback.find((f) => f.reviewed.name === name) as Feedback;
    const yi = await draftItem('党建乙');
    const patch = await app.http
      .patch(`/api/lists/${listId}/items/${yi.id}`)
      .set('Authorization', token.drafter)
      .send({ version: yi.version, name: '党建乙（规范名称）' });
    expect(patch.status).toBe(200);
    expect(
      (await post('drafter', `/decisions/${feedback('党建乙').decision.id}/answer`, { text: '已按意见规范名称' }))
        .status,
    ).toBe(200);
    expect((await post('drafter', `/decisions/${feedback('民生丙').decision.id}/accept`)).status).toBe(200);
    const ding = await draftItem('民生丁');
    expect(
      (
        await app.http
          .patch(`/api/lists/${listId}/items/${ding.id}`)
          .set('Authorization', token.drafter)
          .send({ version: ding.version, category: '社会管理' })
      ).status,
    ).toBe(200);
    expect(
      (await post('drafter', '/items', { table: 'basic', position: 1, category: '党的建设', name: '新增党建事项' }))
        .status,
    ).toBe(201);
    await app.http
      .put(`/api/lists/${listId}/explanation`)
      .set('Authorization', token.drafter)
      .send({ content: STATED(4, 1, 2) })
      .expect(200);
    expect((await post('drafter', '/submit')).status).toBe(200);

    const d = await diff();
    expect(d.from).toEqual({ kind: 'version', version: expect.objectContaining({ number: 1 }) });
    expect(d.to).toEqual({ kind: 'version', version: expect.objectContaining({ number: 2, round: 2 }) });
    const changed = d.entries
      .filter((e) => e.status !== 'unchanged')
      .map((e) => ({
        status: e.status,
        name: (e.after ?? e.before)?.name,
        fields: e.fields.map((f) => f.field),
        moved: e.moved,
        category: e.categoryChanged,
      }));
    expect(changed).toEqual([
      { status: 'added', name: '新增党建事项', fields: [], moved: null, category: null },
      { status: 'changed', name: '党建乙（规范名称）', fields: ['name'], moved: null, category: null },
      { status: 'changed', name: '民生丁', fields: [], moved: null, category: { from: '民生服务', to: '社会管理' } },
      { status: 'changed', name: '民生丙', fields: [], moved: { from: 'basic', to: 'revoked' }, category: null },
    ]);
    // Word level: the kept text and the inserted words.
    const reworded = entryOf(d, '党建乙（规范名称）').fields[0] as TextFieldChange;
    expect(reworded.segments).toEqual([
      { op: 'equal', text: '党建乙' },
      { op: 'insert', text: '（规范名称）' },
    ]);
    // 党建甲 went from 序号 1 to 2: reported, but not a change.
    expect(entryOf(d, '党建甲')).toEqual(
      expect.objectContaining({ status: 'unchanged', renumbered: { from: 1, to: 2 } }),
    );
    expect(d.summary.byTable.basic).toEqual(
      expect.objectContaining({
        before: 4,
        after: 4,
        added: 1,
        modified: 1,
        movedOut: 1,
        categoryChanged: 1,
        renumbered: 0,
      }),
    );
    expect(d.summary.byTable.revoked).toEqual(expect.objectContaining({ before: 1, after: 2, moved: 1 }));
    expect(d.statedCounts?.changes).toEqual([
      { key: 'revoked', before: 1, after: 2 },
      { key: 'total', before: 6, after: 7 },
    ]);
    // The round-1 opinions the changes answer, and the thread still open.
    const yiAnnotation = d.annotations[yi.id];
    expect(yiAnnotation.fromDecisions).toEqual([
      expect.objectContaining({ decision: 'returned', response: '已按意见规范名称', resolution: 'answered' }),
    ]);
    expect(yiAnnotation.decisions).toEqual([]);
    expect(d.annotations[ding.id].openThreads).toBe(1);

    const withRenumbered = await diff('?includeRenumbered=true');
    expect(entryOf(withRenumbered, '党建甲').status).toBe('renumbered');
    expect(withRenumbered.summary.byTable.basic.renumbered).toBe(1); // 党建乙 (2→3) is changed anyway
    expect(withRenumbered.includeRenumbered).toBe(true);

    // Any pair: version 2 against itself has no change; version 1 against the draft is the same as v1→v2.
    expect((await diff('?from=2&to=2')).entries.every((e) => e.status === 'unchanged')).toBe(true);
    const toDraft = await diff('?from=1&to=draft');
    expect(toDraft.to.kind).toBe('draft');
    expect(toDraft.entries.filter((e) => e.status !== 'unchanged')).toHaveLength(4);
  });

  it('since my last decision: from the version the reviewer last decided on to the latest', async () => {
    const before = (await get('county', `/api/lists/${listId}/diff/since-my-decision`)).body as ListDiff;
    expect(before.from).toEqual({ kind: 'version', version: expect.objectContaining({ number: 1 }) });
    expect(before.to).toEqual({ kind: 'version', version: expect.objectContaining({ number: 2 }) });
    expect(before.entries.filter((e) => e.status !== 'unchanged')).toHaveLength(4);

    // Round 2 starts: unchanged approvals are carried over (not the reviewer's own decision this round).
    expect((await post('county', '/start-review')).status).toBe(200);
    const carried = (await get('county', `/api/lists/${listId}/diff/since-my-decision`)).body as ListDiff;
    expect(carried.from).toEqual({ kind: 'version', version: expect.objectContaining({ number: 1 }) });
    const d = await diff();
    const jia = entryOf(d, '党建甲').after?.id as string;
    expect(d.annotations[jia].decisions).toEqual([
      expect.objectContaining({ decision: 'approved', carriedOver: true }),
    ]);

    const yi = entryOf(d, '党建乙（规范名称）').after?.id as string;
    expect((await post('county', `/items/${yi}/decision`, { decision: 'approved' })).status).toBe(200);
    const after = (await get('county', `/api/lists/${listId}/diff/since-my-decision`)).body as ListDiff;
    expect(after.from).toEqual({ kind: 'version', version: expect.objectContaining({ number: 2 }) });
    expect(after.entries.every((e) => e.status === 'unchanged')).toBe(true);

    // The drafter never decided anything.
    const drafter = (await get('drafter', `/api/lists/${listId}/diff/since-my-decision`)).body as ListDiff;
    expect(drafter).toEqual(expect.objectContaining({ from: null, entries: [] }));
  });

  it('exports the 修改对照表 of round 1 → 2 as .xlsx: one row per change with the reason', async () => {
    const res = await download('county', `/api/lists/${listId}/diff/export?from=1&to=2&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers['content-disposition'])?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('甲镇履职事项清单（2025年）修改对照表（第1轮→第2轮）.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes(res) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('修改对照表');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['甲镇履职事项清单（2025年）修改对照表（第1轮→第2轮）']);
    expect(rows[2]).toEqual(['序号', '所在清单', '变化', '原表述', '修改后表述', '修改理由']);
    expect(rows.slice(3)).toEqual([
      ['—→1', '基本履职事项', '新增', '', '事项类别：党的建设\n事项名称：新增党建事项', ''],
      ['2→3', '基本履职事项', '修改事项名称', '党建乙', '党建乙（规范名称）', '已按意见规范名称'],
      [
        '4',
        '基本履职事项',
        '类别变更',
        '事项类别：民生服务\n事项名称：民生丁',
        '事项类别：社会管理\n事项名称：民生丁',
        '',
      ],
      ['3→2', '基本履职事项→上级部门收回事项', '移入上级部门收回事项', '民生丙', '民生丙', '应由县局承接'],
    ]);
  });

  it('exports the same table as .docx (the default pair: the last two rounds)', async () => {
    const res = await download('drafter', `/api/lists/${listId}/diff/export?format=docx`);
    expect(res.status).toBe(200);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers['content-disposition'])?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('甲镇履职事项清单（2025年）修改对照表（第1轮→第2轮）.docx');
    const { value } = await mammoth.extractRawText({ buffer: bytes(res) });
    const paragraphs = value.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs[0]).toBe('甲镇履职事项清单（2025年）修改对照表（第1轮→第2轮）');
    const header = paragraphs.indexOf('序号');
    expect(paragraphs.slice(header, header + 6)).toEqual([
      '序号',
      '所在清单',
      '变化',
      '原表述',
      '修改后表述',
      '修改理由',
    ]);
    // Row by row, cell by cell (a multi-line cell is one paragraph per line).
    expect(paragraphs.slice(header + 6)).toEqual([
      '—→1', '基本履职事项', '新增', '事项类别：党的建设', '事项名称：新增党建事项',
      '2→3', '基本履职事项', '修改事项名称', '党建乙', '党建乙（规范名称）', '已按意见规范名称',
      '4', '基本履职事项', '类别变更', '事项类别：民生服务', '事项名称：民生丁', '事项类别：社会管理', '事项名称：民生丁',
      '3→2', '基本履职事项→上级部门收回事项', '移入上级部门收回事项', '民生丙', '民生丙', '应由县局承接',
    ]); // prettier-ignore
  });

  it('refuses bad queries (400), unknown versions (404) and lists out of scope (404)', async () => {
    const status = async (who: keyof typeof token, path: string) => {
      const res = await get(who, path);
      return `${res.status} ${res.body.code}`;
    };
    expect(await status('county', `/api/lists/${listId}/diff?from=9`)).toBe('404 NOT_FOUND');
    expect(await status('county', `/api/lists/${listId}/diff?to=abc`)).toBe('400 VALIDATION_FAILED');
    expect(await status('county', `/api/lists/${listId}/diff?includeRenumbered=yes`)).toBe('400 VALIDATION_FAILED');
    expect(await status('county', `/api/lists/${listId}/diff/export?format=pdf`)).toBe('400 VALIDATION_FAILED');
    expect(await status('otherCounty', `/api/lists/${listId}/diff`)).toBe('404 LIST_NOT_FOUND');
    expect(await status('otherCounty', `/api/lists/${listId}/diff/since-my-decision`)).toBe('404 LIST_NOT_FOUND');
    expect(await status('otherCounty', `/api/lists/${listId}/diff/export`)).toBe('404 LIST_NOT_FOUND');
    expect(await status('drafterB', `/api/lists/${listId}/diff`)).toBe('404 LIST_NOT_FOUND');
    expect(await status('county', `/api/lists/not-a-uuid/diff`)).toBe('404 LIST_NOT_FOUND');
  });

  it('compares a township with its neighbour, place names aside: missing, extra, other table, other category', async () => {
    const res = await get('county', `/api/lists/${peerA}/compare?with=${peerB}`);
    expect(res.status).toBe(200);
    const body = res.body as PeerComparisonResponse;
    expect(body.list).toEqual(
      expect.objectContaining({ id: peerA, township: '甲镇', county: '清河县', edition: 2026 }),
    );
    expect(body.other).toEqual(expect.objectContaining({ id: peerB, township: '乙乡' }));
    expect(body.placeNames).toEqual(expect.arrayContaining(['甲镇', '乙乡', '清河县', '测试地区']));
    expect(body.matched).toBe(3);
    expect(body.missing.map((i) => i.name)).toEqual(['甲镇独有的冬季牧场巡查']);
    expect(body.extra.map((i) => i.name)).toEqual(['乙乡草原防火宣传与隐患排查']);
    expect(body.differentTable).toEqual([
      expect.objectContaining({
        a: expect.objectContaining({ name: '负责本镇农村供水工程管理', table: 'basic' }),
        b: expect.objectContaining({ name: '负责本乡农村供水工程管理', table: 'revoked' }),
        table: { from: 'basic', to: 'revoked' },
        confidence: 1,
      }),
    ]);
    expect(body.differentCategory).toEqual([
      expect.objectContaining({
        a: expect.objectContaining({ name: '配合清河县民政局做好低保审核' }),
        category: { from: '民生服务', to: '社会保障' },
        method: 'exact',
      }),
    ]);

    // The other list must be in the caller's scope too: the drafter of 甲镇 cannot see 乙乡's.
    const outOfScope = await get('drafter', `/api/lists/${peerA}/compare?with=${peerB}`);
    expect({ status: outOfScope.status, code: outOfScope.body.code }).toEqual({ status: 404, code: 'LIST_NOT_FOUND' });
    expect((await get('otherCounty', `/api/lists/${peerA}/compare?with=${peerB}`)).status).toBe(404);
    expect((await get('county', `/api/lists/${peerA}/compare`)).status).toBe(400);
    expect((await get('county', `/api/lists/${peerA}/compare?with=nope`)).status).toBe(400);
  });
});
