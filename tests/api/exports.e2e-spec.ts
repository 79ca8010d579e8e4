import { LIST_TABLES, parseDutyListDocument, type Item, type ListSummary } from '@dutylist/shared';
import type { Response } from 'supertest';
// The CommonJS build: Jest cannot run the parser's lazy import('mammoth') from the nodenext-compiled sources.
import { parseDutyListFile } from '@dutylist/shared/dist/document/office';
import { ListsService } from '../../backend/src/modules/lists/lists.service';
import { ItemEntity } from '../../backend/src/modules/items/item.entity';
import { startTestApp, type TestApp } from '../support/test-app';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { bearer } from '../support/auth';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
} as const;
type Format = keyof typeof CONTENT_TYPES;
const FORMATS = Object.keys(CONTENT_TYPES) as Format[];

type Fields = Pick<Item, 'category' | 'name' | 'departments' | 'upperDuties' | 'townshipDuties' | 'undertaker'>;
const fields = ({ category, name, departments, upperDuties, townshipDuties, undertaker }: Fields): Fields => ({
  category,
  name,
  departments,
  upperDuties,
  townshipDuties,
  undertaker,
});

/** The items of each table in document order, as a reader of the file sees them. */
function byTable(items: Item[]) {
  return LIST_TABLES.map((t) =>
    items
      .filter((i) => i.table === t)
      .sort((a, b) => a.seq - b.seq)
      .map(fields),
  );
}

/** Collect the body as bytes whatever the content type (supertest only buffers text by default). */
function bytes(res: Response): Buffer {
  return Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '', 'utf8');
}

async function parseDownload(format: Format, body: Buffer) {
  return format === 'txt' ? parseDutyListDocument(body) : parseDutyListFile(body);
}

describe('exporting a list as .docx, .xlsx and text', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const download = (path: string, token: string) =>
    app.http
      .get(path)
      .set('Authorization', token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** The demo list of 阿合奇镇 (2025), read only: other test files share the database. */
  async function aheqi() {
    const token = await bearer(app, 'aheqi', 'demo1234');
    const lists = (await app.http.get('/api/lists').set('Authorization', token)).body as ListSummary[];
    const list = lists.find((l) => l.township.name === '阿合奇镇' && l.edition === 2025)!;
    expect(list).toBeDefined();
    const items = (await app.http.get(`/api/lists/${list.id}/items`).set('Authorization', token)).body.items as Item[];
    return { token, list, items };
  }

  it.each(FORMATS)('the drafter downloads the draft as %s, and it parses back to the same items', async (format) => {
    const { token, list, items } = await aheqi();
    const res = await download(`/api/lists/${list.id}/export?format=${format}`, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; /);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(`阿合奇镇履职事项清单（2025年）.${format}`);

    const doc = await parseDownload(format, bytes(res));
    expect([doc.prefecture, doc.county, doc.township]).toEqual(['克孜勒苏柯尔克孜自治州', '阿合奇县', '阿合奇镇']);
    const expected = byTable(items);
    expect(expected.map((rows) => rows.length)).toEqual([119, 127, 63]);
    expect(LIST_TABLES.map((t) => doc.lists[t].map(fields))).toEqual(expected);
    expect(doc.statedCounts).toEqual({ basic: 119, cooperative: 127, revoked: 63, total: 309 });
  });

  it('every role in scope may export; a county reviewer of another county gets 404', async () => {
    const { list } = await aheqi();
    for (const username of ['aheqi-county', 'kezhou', 'xinjiang']) {
      const res = await download(`/api/lists/${list.id}/export?format=txt`, await bearer(app, username, 'demo1234'));
      expect(res.status).toBe(200);
    }
    const outsider = await bearer(app, 'qitai', 'demo1234');
    for (const path of [
      `/api/lists/${list.id}/export?format=docx`,
      `/api/lists/${list.id}/versions/1/export?format=xlsx`,
    ]) {
      const res = await app.http.get(path).set('Authorization', outsider);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('LIST_NOT_FOUND');
    }
    expect((await app.http.get(`/api/lists/${list.id}/export?format=txt`)).status).toBe(401);
  });

  it('refuses an unknown format with 400 and a Chinese message', async () => {
    const { token, list } = await aheqi();
    const res = await app.http.get(`/api/lists/${list.id}/export?format=pdf`).set('Authorization', token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '导出格式只能是 docx、xlsx 或 txt',
    });
  });

  it('exports a frozen version as it was when frozen, while the draft moves on', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township, [
      { name: '原来的名称' },
      { table: 'cooperative', name: '配合事项', departments: ['县民政局', '县公安局'] },
      { table: 'revoked', name: '收回事项', undertaker: '县自然资源局承接' },
    ]);
    await app.db.transaction((manager) => app.app.get(ListsService).createVersion(manager, list, null, '第1轮提交'));
    await app.db.getRepository(ItemEntity).update({ listId: list.id, table: 'basic' }, { name: '修改后的名称' });
    const token = await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username);

    for (const format of FORMATS) {
      const version = await download(`/api/lists/${list.id}/versions/1/export?format=${format}`, token);
      expect(version.status).toBe(200);
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(version.headers['content-disposition'] as string)?.[1] ?? '';
      expect(decodeURIComponent(encoded)).toBe(`${township.name}履职事项清单（2025年）第1版.${format}`);
      const frozen = await parseDownload(format, bytes(version));
      expect(frozen.lists.basic.map((r) => r.name)).toEqual(['原来的名称']);
      expect(frozen.lists.cooperative.map((r) => r.departments)).toEqual([['县民政局', '县公安局']]);
      expect(frozen.lists.revoked.map((r) => r.undertaker)).toEqual(['县自然资源局承接']);
      expect(frozen.statedCounts).toEqual({ basic: 1, cooperative: 1, revoked: 1, total: 3 });

      const draft = await parseDownload(
        format,
        bytes(await download(`/api/lists/${list.id}/export?format=${format}`, token)),
      );
      expect(draft.lists.basic.map((r) => r.name)).toEqual(['修改后的名称']);
    }

    for (const missing of ['2', '0', 'abc', '99999999999']) {
      const res = await app.http
        .get(`/api/lists/${list.id}/versions/${missing}/export?format=docx`)
        .set('Authorization', token);
      expect(res.status).toBe(404);
    }
  });
});
