import { LIST_TABLES } from '../enums';
import { detectOfficeFormat, parseDutyListFile } from './office';
import { buildDocx, buildXlsx, clean, withoutLine } from './test-office-fixtures';

describe('parseDutyListFile on .xlsx', () => {
  it('reads each sheet as a table, with merged category cells and the row number as line', async () => {
    const bytes = await buildXlsx();
    expect(detectOfficeFormat(bytes)).toBe('xlsx');
    const doc = await parseDutyListFile(bytes);
    for (const table of LIST_TABLES) expect(withoutLine(doc.lists[table])).toEqual(withoutLine(clean.lists[table]));
    expect(doc.lists.basic.slice(0, 8).map((r) => r.category)).toEqual(Array(8).fill('党的建设'));
    expect(doc.lists.basic.map((r) => r.line)).toEqual(doc.lists.basic.map((_, i) => i + 2));
    expect(doc.lists.cooperative[0].line).toBe(2);
    // A workbook has no title block: the only warning says so.
    expect(doc.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual(['TITLE_INCOMPLETE']);
  });
});

describe('parseDutyListFile on .docx', () => {
  it('reads the title block and the three tables, with vertically merged category cells', async () => {
    const bytes = await buildDocx();
    expect(detectOfficeFormat(bytes)).toBe('docx');
    const doc = await parseDutyListFile(bytes);
    expect([doc.prefecture, doc.county, doc.township]).toEqual(['昌吉回族自治州', '奇台县', '碧流河镇']);
    for (const table of LIST_TABLES) expect(withoutLine(doc.lists[table])).toEqual(withoutLine(clean.lists[table]));
    expect(doc.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});
