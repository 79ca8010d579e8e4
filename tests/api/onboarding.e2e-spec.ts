import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { OnboardingPreview } from '@dutylist/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, unique } from '../support/factories';
import { bearer } from '../support/auth';

type Rows = string[][];

/** A workbook with the two data sheets, as an admin fills them. */
async function workbook(orgs: Rows, users: Rows, base?: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (base) await wb.xlsx.load(base as unknown as ArrayBuffer);
  const sheet = (name: string, header: string[]) =>
    wb.getWorksheet(name) ?? wb.addWorksheet(name).addRow(header).worksheet;
  const o = sheet('组织机构', ['单位全称', '简称', '类型', '上级单位', '别名']);
  for (const r of orgs) o.addRow(r);
  const u = sheet('用户', ['用户名', '姓名', '角色', '所属单位', '邮箱']);
  for (const r of users) u.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of one entry whose directory may lie about its size (the zip-bomb shape). */
function zipOf(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const localPart = Buffer.concat([local, nameBytes, data]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

describe('bulk onboarding from one workbook (preview, confirm in one transaction, passwords once)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  const binary = (req: ReturnType<TestApp['http']['get']>) =>
    req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  /** A region of its own with a prefecture, a county, a region admin and a county admin. */
  async function world() {
    const tag = unique('ob')
      .replace(/[^a-z0-9]/gi, '')
      .slice(-10);
    const region = await createOrgUnit(app.db, 'region', null, `自治区${tag}`);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region, `昌吉回族自治州${tag}`);
    const county = await createOrgUnit(app.db, 'county', prefecture, `奇台县${tag}`);
    const otherCounty = await createOrgUnit(app.db, 'county', prefecture, `吉木萨尔县${tag}`);
    const regionAdmin = await createUser(app.db, 'admin', region);
    const countyAdmin = await createUser(app.db, 'admin', county);
    const reviewer = await createUser(app.db, 'county_reviewer', county);
    return {
      tag,
      region,
      prefecture,
      county,
      otherCounty,
      regionAdmin: await bearer(app, regionAdmin.username),
      countyAdmin: await bearer(app, countyAdmin.username),
      reviewer: await bearer(app, reviewer.username),
    };
  }
  const upload = (token: string, file: Buffer, name = '导入.xlsx') =>
    app.http.post('/api/admin/onboarding').set('Authorization', token).attach('file', file, name);
  const confirm = (token: string, id: string) =>
    app.http.post(`/api/admin/onboarding/${id}/confirm`).set('Authorization', token);
  const passwords = (token: string, id: string) =>
    binary(app.http.get(`/api/admin/onboarding/${id}/passwords`).set('Authorization', token));
  const unitsNamed = async (names: string[]) =>
    (await app.db.query(`SELECT count(*)::int AS n FROM org_units WHERE name = ANY($1)`, [names]))[0].n as number;
  const usersNamed = async (names: string[]) =>
    (await app.db.query(`SELECT count(*)::int AS n FROM users WHERE username = ANY($1)`, [names]))[0].n as number;

  it('fills the downloaded template, previews without writing, confirms everything, hands out the passwords once', async () => {
    const w = await world();
    const res = await binary(app.http.get('/api/admin/onboarding/template').set('Authorization', w.regionAdmin));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const template = res.body as Buffer;
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(template as unknown as ArrayBuffer);
    expect(read.worksheets.map((s) => s.name).sort()).toEqual(['用户', '组织机构', '说明'].sort());
    expect(read.getWorksheet('组织机构')!.getRow(1).getCell(1).text).toBe('单位全称*');
    const typeList = read.getWorksheet('组织机构')!.getCell('C2').dataValidation;
    expect(typeList.type).toBe('list');
    expect(String(typeList.formulae?.[0])).toContain('县直部门');
    expect(String(read.getWorksheet('用户')!.getCell('C3').dataValidation.formulae?.[0])).toContain('乡镇起草人');
    expect(read.getWorksheet('说明')!.getColumn(1).values.join('')).toContain('上级单位');

    const t = w.tag;
    const drafter = `d${t}`;
    const countyUser = `c${t}`;
    // The township comes before its new county: parents resolve in dependency order.
    const file = await workbook(
      [
        [`碧流河镇${t}`, '', '乡镇', `新县${t}`, ''],
        [`新县${t}`, `新县简${t}`, '县', w.prefecture.name, ''],
        [`新县${t}民政局`, '县民政局', '县直部门', `${w.prefecture.name}/新县${t}`, '县民政局、民政局'],
      ],
      [
        [drafter, '张三', '乡镇起草人', `碧流河镇${t}`, 'zhangsan@example.com'],
        [countyUser, '李四', '县委编办审核人', `新县${t}`, ''],
      ],
      template,
    );
    const preview = await upload(w.regionAdmin, file, '昌吉州导入.xlsx');
    expect(preview.status).toBe(201);
    const p = preview.body as OnboardingPreview;
    expect(p.problems).toEqual([]);
    expect(p.fileName).toBe('昌吉州导入.xlsx');
    expect(p.counts.orgUnits).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(p.counts.users).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
    expect(p.orgUnits[0]).toMatchObject({ row: 2, action: 'create', level: 'township' });
    expect(p.orgUnits[0].path).toBe(`${w.region.name}/${w.prefecture.name}/新县${t}/碧流河镇${t}`);
    expect(p.canConfirm).toBe(true);
    expect(await unitsNamed([`碧流河镇${t}`, `新县${t}`])).toBe(0);
    expect(await usersNamed([drafter, countyUser])).toBe(0);

    const done = await confirm(w.regionAdmin, p.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'confirmed', passwordsAvailable: true, canConfirm: false });
    const [newCounty] = await app.db.query(`SELECT id, path, short_name FROM org_units WHERE name = $1`, [`新县${t}`]);
    expect(newCounty.short_name).toBe(`新县简${t}`);
    expect(newCounty.path).toBe(`${w.prefecture.path}${newCounty.id}/`);
    const [dept] = await app.db.query(`SELECT level, aliases, parent_id FROM org_units WHERE name = $1`, [
      `新县${t}民政局`,
    ]);
    expect(dept).toEqual({ level: 'department', aliases: ['县民政局', '民政局'], parent_id: newCounty.id });
    const accounts = await app.db.query(
      `SELECT username, must_change_password, email FROM users WHERE username = ANY($1) ORDER BY username`,
      [[drafter, countyUser]],
    );
    expect(accounts).toEqual([
      { username: countyUser, must_change_password: true, email: null },
      { username: drafter, must_change_password: true, email: 'zhangsan@example.com' },
    ]);
    const [event] = await app.db.query(`SELECT action, details FROM admin_events WHERE target_id = $1`, [p.id]);
    expect(event.action).toBe('onboarding.confirm');
    expect(event.details.orgUnits).toMatchObject({ create: 3 });
    expect(event.details.users).toMatchObject({ create: 2 });

    // The passwords: once, as a sheet; then gone.
    const sheet = await passwords(w.regionAdmin, p.id);
    expect(sheet.status).toBe(200);
    const pw = new ExcelJS.Workbook();
    await pw.xlsx.load(sheet.body as unknown as ArrayBuffer);
    const rows = pw.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['用户名', '姓名', '所属单位', '初始密码']);
    const drafterRow = rows.find((r) => r[1] === drafter)!;
    expect(drafterRow[2]).toBe('张三');
    expect(String(drafterRow[3])).toContain(`碧流河镇${t}`);
    const oneTime = String(drafterRow[4]);
    expect(oneTime).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const second = await passwords(w.regionAdmin, p.id);
    expect(second.status).toBe(410);
    expect(JSON.parse(second.body.toString()).code).toBe('ONBOARDING_PASSWORDS_GONE');
    const stored = await app.db.query(`SELECT passwords FROM onboarding_imports WHERE id = $1`, [p.id]);
    expect(stored[0].passwords).toBeNull();
    expect(
      (await app.http.get(`/api/admin/onboarding/${p.id}`).set('Authorization', w.regionAdmin)).body,
    ).toMatchObject({ passwordsAvailable: false });

    // The new drafter logs in with the one-time password and must change it.
    const login = await app.http.post('/api/auth/login').send({ username: drafter, password: oneTime });
    expect(login.status).toBe(200);
    expect(login.body.user.orgUnit.name).toBe(`碧流河镇${t}`);
    const [me] = await app.db.query(`SELECT must_change_password FROM users WHERE username = $1`, [drafter]);
    expect(me.must_change_password).toBe(true);

    // Confirming again writes nothing twice.
    expect((await confirm(w.regionAdmin, p.id)).status).toBe(200);
    expect(await unitsNamed([`碧流河镇${t}`, `新县${t}`, `新县${t}民政局`])).toBe(3);
  });

  it('re-import updates instead of duplicating, and keeps the passwords of existing accounts', async () => {
    const w = await world();
    const t = w.tag;
    const orgs = [[`三台镇${t}`, '', '乡镇', w.county.name, '']];
    const users = [[`s${t}`, '王五', '乡镇起草人', `三台镇${t}`, '']];
    const first = (await upload(w.countyAdmin, await workbook(orgs, users))).body as OnboardingPreview;
    expect(first.problems).toEqual([]);
    expect((await confirm(w.countyAdmin, first.id)).status).toBe(200);
    const [before] = await app.db.query(`SELECT id, password_hash FROM users WHERE username = $1`, [`s${t}`]);

    const same = (await upload(w.countyAdmin, await workbook(orgs, users))).body as OnboardingPreview;
    expect(same.counts.orgUnits).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });
    expect(same.counts.users).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });

    const changed = (
      await upload(
        w.countyAdmin,
        await workbook(
          [[`三台镇${t}`, `三台${t}`, '乡镇', w.county.name, '']],
          [[`S${t}`, '王五五', '乡镇起草人', `三台镇${t}`, 'ww@example.com']],
        ),
      )
    ).body as OnboardingPreview;
    expect(changed.problems).toEqual([]);
    expect(changed.orgUnits[0]).toMatchObject({ action: 'update', changes: [expect.stringContaining('简称')] });
    expect(changed.users[0]).toMatchObject({ action: 'update', username: `s${t}` });
    const done = await confirm(w.countyAdmin, changed.id);
    expect(done.status).toBe(200);
    expect(done.body.passwordsAvailable).toBe(false);
    expect(await unitsNamed([`三台镇${t}`])).toBe(1);
    const after = await app.db.query(
      `SELECT id, password_hash, display_name, email FROM users WHERE lower(username) = lower($1)`,
      [`s${t}`],
    );
    expect(after).toEqual([
      { id: before.id, password_hash: before.password_hash, display_name: '王五五', email: 'ww@example.com' },
    ]);
    const trail = await app.db.query(`SELECT action FROM admin_events WHERE target_id = $1`, [before.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['onboarding.update_user']);
    expect((await passwords(w.countyAdmin, changed.id)).status).toBe(410);
  });

  it('reports every problem with its sheet and row, and writes nothing', async () => {
    const w = await world();
    const t = w.tag;
    const outsider = await createUser(
      app.db,
      'township_drafter',
      await createOrgUnit(app.db, 'township', w.otherCounty),
    );
    const file = await workbook(
      [
        [`甲镇${t}`, '', '乡镇', `不存在的县${t}`, ''], // 2 unknown parent
        [`乙镇${t}`, '', '乡镇', w.county.name, ''], // 3
        [`乙镇${t}`, '', '乡镇', w.county.name, ''], // 4 duplicate of 3
        [`丙镇${t}`, '', '镇', w.county.name, ''], // 5 bad type
        ['', '', '乡镇', w.county.name, ''], // 6 missing name
        [`丁县${t}`, '', '县', w.prefecture.name, ''], // 7 parent outside the county admin's subtree
        [`戊镇${t}`, '', '乡镇', w.otherCounty.name, ''], // 8 another county: does not exist for them
        [`己镇${t}`, '', '乡镇', '', ''], // 9 missing parent
        [`庚镇${t}_x0000_`, '', '乡镇', w.county.name, ''], // 10 NUL: Excel's escape, read back as U+0000
        [`辛局${t}`, '', '县直部门', `乙镇${t}`, ''], // 11 a department under a township
      ],
      [
        [`u1${t}`, '甲', '乡镇起草人', `乙镇${t}`, ''], // 2 fine
        [`u1${t}`, '乙', '乡镇起草人', `乙镇${t}`, ''], // 3 duplicate user name
        [outsider.username, '丙', '乡镇起草人', `乙镇${t}`, ''], // 4 taken by an account outside the scope
        [`u4${t}`, '丁', '镇长', `乙镇${t}`, ''], // 5 bad role
        [`u5${t}`, '戊', '县委编办审核人', `乙镇${t}`, ''], // 6 role not fitting the level
        ['张 三', '己', '乡镇起草人', `乙镇${t}`, ''], // 7 bad user name
        [`u7${t}`, '', '乡镇起草人', '', ''], // 8 missing name and unit
        [`u8${t}`, '庚', '乡镇起草人', `甲镇${t}`, ''], // 9 unit with problems
        [`u9${t}`, '辛', '乡镇起草人', `乙镇${t}`, 'not-an-email'], // 10 bad e-mail
      ],
    );
    const res = await upload(w.countyAdmin, file);
    expect(res.status).toBe(201);
    const p = res.body as OnboardingPreview;
    const at = (sheet: string, row: number) =>
      p.problems
        .filter((x) => x.sheet === sheet && x.row === row)
        .map((x) => x.message)
        .join(' | ');
    expect(at('组织机构', 2)).toMatch(/未找到单位“不存在的县/);
    expect(at('组织机构', 3)).toBe('');
    expect(at('组织机构', 4)).toMatch(/与组织机构第 3 行重复/);
    expect(at('组织机构', 5)).toMatch(/类型“镇”无效/);
    expect(at('组织机构', 6)).toMatch(/请填写单位全称/);
    expect(at('组织机构', 7)).toMatch(/不在您的管理范围内/);
    expect(at('组织机构', 8)).toMatch(/未找到单位/);
    expect(at('组织机构', 9)).toMatch(/请填写上级单位/);
    expect(at('组织机构', 10)).toMatch(/无效字符/);
    expect(at('组织机构', 11)).toMatch(/县直部门的上级必须是县/);
    expect(at('用户', 2)).toBe('');
    expect(at('用户', 3)).toMatch(/与用户第 2 行重复/);
    expect(at('用户', 4)).toMatch(/已被其他单位的账号使用/);
    expect(at('用户', 5)).toMatch(/角色“镇长”无效/);
    expect(at('用户', 6)).toMatch(/只能属于县/);
    expect(at('用户', 7)).toMatch(/用户名“张 三”无效/);
    expect(at('用户', 8)).toMatch(/请填写姓名.*请填写所属单位|请填写所属单位.*请填写姓名/);
    expect(at('用户', 9)).toMatch(/所属单位“甲镇.*有错误/);
    expect(at('用户', 10)).toMatch(/邮箱/);
    expect(p.problems.every((x) => /[\u4e00-\u9fa5]/.test(x.message) && x.column !== undefined)).toBe(true);
    expect(p.canConfirm).toBe(false);

    const refused = await confirm(w.countyAdmin, p.id);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ONBOARDING_HAS_PROBLEMS');
    expect(await unitsNamed([`乙镇${t}`])).toBe(0);
    expect(await usersNamed([`u1${t}`])).toBe(0);
  });

  it('keeps each admin to their subtree: parents and previews outside it do not exist', async () => {
    const w = await world();
    const t = w.tag;
    const file = await workbook([[`外县镇${t}`, '', '乡镇', w.otherCounty.name, '']], []);
    const county = (await upload(w.countyAdmin, file)).body as OnboardingPreview;
    expect(county.problems).toEqual([
      expect.objectContaining({
        sheet: '组织机构',
        row: 2,
        column: '上级单位',
        message: expect.stringMatching(/未找到/),
      }),
    ]);
    // The region admin may: the same file is fine for them.
    const region = (await upload(w.regionAdmin, file)).body as OnboardingPreview;
    expect(region.problems).toEqual([]);
    // A preview belongs to the admin who uploaded it.
    expect((await confirm(w.countyAdmin, region.id)).status).toBe(404);
    expect((await app.http.get(`/api/admin/onboarding/${region.id}`).set('Authorization', w.countyAdmin)).status).toBe(
      404,
    );
    expect((await confirm(w.regionAdmin, region.id)).status).toBe(200);
  });

  it('refuses non-admins with 403', async () => {
    const w = await world();
    expect((await app.http.get('/api/admin/onboarding/template').set('Authorization', w.reviewer)).status).toBe(403);
    const res = await upload(w.reviewer, await workbook([], [['x1', '甲', '乡镇起草人', w.county.name, '']]));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await app.http.get('/api/admin/onboarding/template')).status).toBe(401);
  });

  it('refuses a preview made stale by a change to the directory, writing nothing', async () => {
    const w = await world();
    const t = w.tag;
    const p = (
      await upload(
        w.countyAdmin,
        await workbook([[`新镇${t}`, '', '乡镇', w.county.name, '']], [[`n${t}`, '甲', '乡镇起草人', `新镇${t}`, '']]),
      )
    ).body as OnboardingPreview;
    expect(p.canConfirm).toBe(true);
    // Meanwhile the user name is taken elsewhere.
    const otherTown = await createOrgUnit(app.db, 'township', w.otherCounty);
    await app.db.query(
      `INSERT INTO users (username, display_name, password_hash, role, org_unit_id) VALUES ($1, '别人', 'x', 'township_drafter', $2)`,
      [`n${t}`, otherTown.id],
    );
    const res = await confirm(w.countyAdmin, p.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ONBOARDING_STALE');
    expect(await unitsNamed([`新镇${t}`])).toBe(0);
  });

  it('refuses an expired preview with 410', async () => {
    const w = await world();
    const p = (await upload(w.countyAdmin, await workbook([[`过期镇${w.tag}`, '', '乡镇', w.county.name, '']], [])))
      .body as OnboardingPreview;
    await app.db.query(`UPDATE onboarding_imports SET expires_at = now() - interval '1 minute' WHERE id = $1`, [p.id]);
    const res = await confirm(w.countyAdmin, p.id);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('ONBOARDING_EXPIRED');
    expect(await unitsNamed([`过期镇${w.tag}`])).toBe(0);
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'ONBOARDING_FILE_INVALID', /文件为空/],
    ['a text file', () => Buffer.from('单位全称,类型\n甲镇,乡镇\n'), 'ONBOARDING_FILE_INVALID', /不是 Excel 工作簿/],
    [
      'an old .xls',
      () => Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'),
      'ONBOARDING_FILE_INVALID',
      /\.xls/,
    ],
    [
      'a truncated zip',
      () => Buffer.from('PK\u0003\u0004 truncated and nothing else here'),
      'ONBOARDING_FILE_INVALID',
      /损坏/,
    ],
    [
      'a zip bomb whose directory lies about its size',
      () => zipOf('xl/workbook.xml', Buffer.alloc(60 * 1024 * 1024, 0x20), 1000),
      'ONBOARDING_FILE_INVALID',
      /解压后超过/,
    ],
    [
      'a sheet of 200,000 stored cells',
      () => zipOf('xl/worksheets/sheet1.xml', Buffer.from('<c r="A1" s="1"/>'.repeat(200_000))),
      'ONBOARDING_FILE_INVALID',
      /单元格超过 150000 个/,
    ],
    [
      'a zip that is no workbook',
      () => zipOf('word/document.xml', Buffer.from('<x/>')),
      'ONBOARDING_FILE_INVALID',
      /不是 Excel/,
    ],
  ])('answers %s with a clear 4xx', async (_label, bytes, code, message) => {
    const w = await world();
    const res = await upload(w.regionAdmin, bytes());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
  });

  it('refuses a workbook without the sheets, and one with too many rows', async () => {
    const w = await world();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['a']);
    const none = await upload(w.regionAdmin, Buffer.from(await other.xlsx.writeBuffer()));
    expect(none.status).toBe(422);
    expect(none.body.message).toMatch(/没有“组织机构”或“用户”工作表/);

    const many = Array.from({ length: 10_001 }, (_, i) => [`m${i}`, '甲', '乡镇起草人', w.county.name, '']);
    const big = await upload(w.regionAdmin, await workbook([], many));
    expect(big.status).toBe(422);
    expect(big.body.message).toMatch(/超过上限 10000 行/);
  });
});
