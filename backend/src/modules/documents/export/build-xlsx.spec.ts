import ExcelJS from 'exceljs';
import { buildDutyListXlsx } from './build-xlsx';
import { SAMPLES, expectSameList, exportInput, parseOfficeFile, parseSample } from './test-samples';

describe('buildDutyListXlsx', () => {
  it.each(SAMPLES)('%s: the parser reads the .xlsx back to the same items and counts', async (name) => {
    const original = parseSample(name);
    const bytes = await buildDutyListXlsx(exportInput(original));
    const again = await parseOfficeFile(bytes);
    expectSameList(again, original);
  });

  it('has a 说明 sheet and one sheet per table with its header row printed on every page', async () => {
    const original = parseSample('aheqi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildDutyListXlsx(exportInput(original))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '基本履职事项清单',
      '配合履职事项清单',
      '上级部门收回事项清单',
    ]);
    const about = workbook.getWorksheet('说明')!;
    expect(about.getCell('A1').text).toBe('新疆维吾尔自治区克孜勒苏柯尔克孜自治州');
    const cooperative = workbook.getWorksheet('配合履职事项清单')!;
    expect(cooperative.pageSetup.printTitlesRow).toBe('2:2');
    expect(cooperative.pageSetup.orientation).toBe('landscape');
    expect((cooperative.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '事项类别',
      '事项名称',
      '对应上级部门',
      '上级部门职责',
      '乡镇配合职责',
    ]);
    expect(cooperative.rowCount).toBe(2 + 127);
    expect(cooperative.getCell('A3').value).toBe(1);
    expect(cooperative.getCell('D3').text).toBe(original.lists.cooperative[0].departments.join('、'));
  });
});
