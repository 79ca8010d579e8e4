import { LIST_TABLES } from '../enums';
import { parseDutyListDocument } from '../document/parse-document';
import { readSample } from '../document/test-samples';
import type { DiffableItem, UnidentifiedItem } from './diffable-item';
import { type VersionDiff, diffVersions } from './diff-versions';
import { newItem, renumber, sampleVersion } from './test-versions';

const before = sampleVersion('biliuhe');
const id = (table: string, seq: number) => `biliuhe-${table}-${seq}`;

/** Rewordings of five real names: [id, name before (checked), name after]. */
const REWORDED: [string, string, string][] = [
  [id('basic', 13), '负责本镇农村“四老”人员服务管理工作', '负责全镇农村“四老”人员服务管理工作'],
  [id('basic', 37), '负责本镇网络安全宣传教育工作', '负责全镇网络安全宣传教育和培训工作'],
  [id('cooperative', 31), '农村供水保障工作', '农村供水安全保障工作'],
  [id('cooperative', 79), '疫苗接种工作', '疫苗预防接种工作'],
  [id('revoked', 13), '就业帮扶培训', '就业帮扶技能培训'],
];
const MOVED = [id('basic', 43), id('basic', 49), id('basic', 73)];
const DELETED = [id('basic', 103), id('cooperative', 43)];
const DEPARTMENT_CHANGED = id('cooperative', 37);
const INSERTED = [
  newItem('new-1', 'basic', '党的建设', '负责村级组织换届选举的指导和监督'),
  newItem('new-2', 'cooperative', '党的建设', '配合开展流动党员教育管理'),
  newItem('new-3', 'cooperative', '党的建设', '协助做好离退休干部走访慰问'),
  newItem('new-4', 'revoked', '民生服务', '对养老机构未按规定备案的处罚'),
];

/** The sample after a round of realistic edits, renumbered like the app does. */
function editedVersion(): DiffableItem[] {
  const byId = new Map(before.map((item) => [item.id, item]));
  for (const [itemId, from] of REWORDED) expect(byId.get(itemId)?.name).toBe(from);
  expect(byId.get(DEPARTMENT_CHANGED)?.departments).toContain('奇台县财政局');
  const edited = before
    .filter((item) => !DELETED.includes(item.id))
    .map((item) => {
      const reworded = REWORDED.find(([itemId]) => itemId === item.id);
      if (reworded) return { ...item, name: reworded[2] };
      if (item.id === DEPARTMENT_CHANGED) {
        const departments = item.departments.map((d) => (d === '奇台县财政局' ? '奇台县医疗保障局' : d));
        return { ...item, departments };
      }
      return item;
    });
  const moved = edited
    .filter((item) => MOVED.includes(item.id))
    .map((item) => ({ ...item, table: 'revoked' as const }));
  const stay = edited.filter((item) => !MOVED.includes(item.id));
  const first = (table: string) => stay.findIndex((item) => item.table === table);
  // Inserted at the head of each table, so the items below them all move down.
  stay.splice(first('revoked'), 0, INSERTED[3]);
  stay.splice(first('cooperative'), 0, INSERTED[1], INSERTED[2]);
  stay.splice(first('basic'), 0, INSERTED[0]);
  return renumber([...stay, ...moved]);
}

const after = editedVersion();

function idsOf(entries: VersionDiff<{ id?: string; name: string }>['entries'], side: 'before' | 'after' = 'after') {
  return entries.map((e) => (e[side] ?? e.before ?? e.after)?.id).sort();
}

describe('diffVersions by id on a real list (碧流河镇) after a round of edits', () => {
  const diff = diffVersions(before, after);

  it('reports exactly the 4 inserted, 2 deleted, 6 modified and 3 moved items', () => {
    expect(idsOf(diff.added)).toEqual(INSERTED.map((i) => i.id).sort());
    expect(idsOf(diff.removed, 'before')).toEqual([...DELETED].sort());
    expect(idsOf(diff.modified)).toEqual([...REWORDED.map(([itemId]) => itemId), DEPARTMENT_CHANGED].sort());
    expect(idsOf(diff.moved)).toEqual([...MOVED].sort());
    expect(diff.categoryChanged).toEqual([]);
    expect(diff.entries.filter((e) => e.status === 'changed')).toHaveLength(9);
    expect(diff.unchanged).toHaveLength(before.length - 2 - 6 - 3);
    expect(diff.entries).toHaveLength(before.length + 4);
  });

  it('names the changed field of each modified item and nothing else', () => {
    for (const [itemId, from, to] of REWORDED) {
      const entry = diff.modified.find((e) => e.after?.id === itemId);
      expect(entry?.moved).toBeNull();
      expect(entry?.fields).toEqual([
        expect.objectContaining({ field: 'name', before: from, after: to, segments: expect.any(Array) }),
      ]);
    }
    const department = diff.modified.find((e) => e.after?.id === DEPARTMENT_CHANGED);
    expect(department?.fields).toEqual([
      expect.objectContaining({ field: 'departments', added: ['奇台县医疗保障局'], removed: ['奇台县财政局'] }),
    ]);
  });

  it('reports the moves from basic to revoked without modifying their content', () => {
    for (const entry of diff.moved) {
      expect(entry.moved).toEqual({ from: 'basic', to: 'revoked' });
      expect(entry.fields).toEqual([]);
      expect(entry.status).toBe('changed');
    }
  });

  it('does not report renumbering as a change, unless asked to', () => {
    const renumberedOnly = diff.unchanged.filter((e) => e.renumbered !== null);
    expect(renumberedOnly.length).toBeGreaterThan(150);
    expect(diff.renumbered).toEqual([]);
    const first = diff.entries.find((e) => e.after?.id === id('basic', 1));
    expect(first).toMatchObject({ status: 'unchanged', renumbered: { from: 1, to: 2 }, fields: [] });

    const withRenumbering = diffVersions(before, after, { includeRenumbered: true });
    expect(idsOf(withRenumbering.renumbered)).toEqual(idsOf(renumberedOnly));
    expect(withRenumbering.unchanged).toHaveLength(diff.unchanged.length - renumberedOnly.length);
    expect(withRenumbering.summary.total.renumbered).toBe(renumberedOnly.length);
    expect(idsOf(withRenumbering.modified)).toEqual(idsOf(diff.modified));
  });

  it('lists entries in the new order, a removed item after its former predecessor', () => {
    const ids = diff.entries.map((e) => (e.after ?? e.before)?.id);
    expect(ids.slice(0, 2)).toEqual(['new-1', id('basic', 1)]);
    expect(ids[ids.indexOf(id('basic', 103)) - 1]).toBe(id('basic', 102));
    expect(ids[ids.indexOf(id('cooperative', 43)) - 1]).toBe(id('cooperative', 42));
    expect(ids.slice(-3)).toEqual(MOVED);
  });

  it('sums up per table and per category, consistently with both versions', () => {
    const { total, byTable, byCategory } = diff.summary;
    expect(total).toMatchObject({ before: 244, after: 246, added: 4, removed: 2, modified: 6, moved: 3 });
    expect(byTable.basic).toMatchObject({ before: 109, after: 106, added: 1, removed: 1, modified: 2, movedOut: 3 });
    expect(byTable.cooperative).toMatchObject({ before: 98, after: 99, added: 2, removed: 1, modified: 3 });
    expect(byTable.revoked).toMatchObject({ before: 37, after: 41, added: 1, moved: 3, modified: 1 });
    for (const table of LIST_TABLES) {
      const c = byTable[table];
      expect(c.after).toBe(after.filter((i) => i.table === table).length);
      expect(c.before).toBe(c.after - c.added + c.removed - c.moved + c.movedOut);
    }
    for (const c of byCategory) {
      expect(c.before).toBe(c.after - c.added + c.removed - c.categoryChanged + c.categoryChangedOut);
    }
    expect(byCategory[0]).toMatchObject({ category: '党的建设', added: 3 });
    expect(byCategory.reduce((n, c) => n + c.after, 0)).toBe(246);
  });

  it('reports an item that is both moved and modified, and a category change', () => {
    const target = after.find((i) => i.id === id('basic', 13))!;
    const edited = after.map((item) =>
      item.id === target.id ? { ...item, table: 'cooperative' as const, category: '民生服务' } : item,
    );
    const both = diffVersions(before, edited);
    const entry = both.entries.find((e) => e.after?.id === target.id);
    expect(entry).toMatchObject({
      status: 'changed',
      moved: { from: 'basic', to: 'cooperative' },
      categoryChanged: { from: '党的建设', to: '民生服务' },
    });
    expect(entry?.fields.map((f) => f.field)).toEqual(['name']);
    expect(both.moved).toHaveLength(4);
    expect(both.categoryChanged).toHaveLength(1);
    expect(both.summary.byCategory.find((c) => c.category === '民生服务')?.categoryChanged).toBe(1);
  });

  it('finds no change between a version and itself', () => {
    const same = diffVersions(before, before.map((i) => ({ ...i })).reverse());
    expect(same.unchanged).toHaveLength(before.length);
    expect(same.entries.every((e) => e.status === 'unchanged' && e.renumbered === null)).toBe(true);
  });

  it('treats only reordered departments as unchanged, and keeps a duplicate id apart', () => {
    const coop = before.find((i) => i.departments.length > 2)!;
    const reordered = before.map((i) => (i === coop ? { ...i, departments: [...i.departments].reverse() } : i));
    expect(diffVersions(before, reordered).modified).toEqual([]);
    const duplicated = [...before, { ...before[0], seq: 200 }];
    const dup = diffVersions(before, duplicated);
    expect(dup.added).toHaveLength(1);
    expect(dup.added[0].after?.seq).toBe(200);
  });
});

describe('diffVersions by content, when the versions share no ids', () => {
  const strip = (items: DiffableItem[]): UnidentifiedItem[] => items.map(({ id: _id, ...rest }) => rest);
  const diff = diffVersions(strip(before), strip(after), { matchBy: 'content' });
  const names = (entries: typeof diff.added, side: 'before' | 'after' = 'after') =>
    entries.map((e) => e[side]?.name).sort();

  it('finds the same changes as matching by id', () => {
    expect(names(diff.added)).toEqual(INSERTED.map((i) => i.name).sort());
    expect(names(diff.removed, 'before')).toEqual(DELETED.map((d) => before.find((i) => i.id === d)!.name).sort());
    expect(names(diff.modified)).toEqual(
      [...REWORDED.map(([, , to]) => to), before.find((i) => i.id === DEPARTMENT_CHANGED)!.name].sort(),
    );
    expect(names(diff.moved)).toEqual(MOVED.map((m) => before.find((i) => i.id === m)!.name).sort());
    expect(diff.unchanged).toHaveLength(before.length - 2 - 6 - 3);
  });

  it("reports each pair's confidence: below 1 for a reworded name, 1 for the same text", () => {
    for (const [, from, to] of REWORDED) {
      const entry = diff.modified.find((e) => e.after?.name === to);
      expect(entry?.before?.name).toBe(from);
      expect(entry?.match?.method).toBe('similar');
      expect(entry?.match?.confidence).toBeGreaterThanOrEqual(0.6);
      expect(entry?.match?.confidence).toBeLessThan(1);
    }
    for (const entry of [...diff.moved, ...diff.unchanged])
      expect(entry.match).toEqual({ method: 'exact', confidence: 1 });
  });
});

describe('diffVersions: stated counts of the 说明', () => {
  it('reports the counts that changed, from parsed counts or from the 说明 text', () => {
    const doc = parseDutyListDocument(readSample('aheqi'));
    expect(doc.statedCounts).toEqual({ basic: 119, cooperative: 127, revoked: 63, total: 309 });
    const diff = diffVersions([], [], {
      statedCounts: {
        before: doc.statedCounts,
        after:
          '三、清单内容\n共有履职事项 311 项，其中，基本履职事项 121 项、配合履职事项 127 项、上级部门收回事项 63 项。',
      },
    });
    expect(diff.statedCounts?.changes).toEqual([
      { key: 'basic', before: 119, after: 121 },
      { key: 'total', before: 309, after: 311 },
    ]);
  });

  it('reports nothing when the numbers are the same, and a 说明 that lost its counts', () => {
    const counts = { basic: 1, cooperative: 2, revoked: 3, total: 6 };
    expect(
      diffVersions([], [], { statedCounts: { before: counts, after: { ...counts } } }).statedCounts?.changes,
    ).toEqual([]);
    expect(
      diffVersions([], [], { statedCounts: { before: counts, after: ['说明', '无'] } }).statedCounts,
    ).toMatchObject({
      after: null,
      changes: [
        { key: 'basic', before: 1, after: null },
        { key: 'cooperative', before: 2, after: null },
        { key: 'revoked', before: 3, after: null },
        { key: 'total', before: 6, after: null },
      ],
    });
    expect(diffVersions([], []).statedCounts).toBeNull();
  });
});
