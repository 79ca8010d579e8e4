import JSZip from 'jszip';
import { buildDutyListDocx } from './build-docx';
import { SAMPLES, expectSameList, exportInput, parseOfficeFile, parseSample } from './test-samples';

describe('buildDutyListDocx', () => {
  it.each(SAMPLES)('%s: the parser reads the .docx back to the same items and counts', async (name) => {
    const original = parseSample(name);
    const bytes = await buildDutyListDocx(exportInput(original));
    const again = await parseOfficeFile(bytes);
    expectSameList(again, original);
  });

  it('repeats each table header on every page and prints the cooperative table landscape', async () => {
    const bytes = await buildDutyListDocx(exportInput(parseSample('biliuhe')));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.map((s) => /w:orient="landscape"/.test(s))).toEqual([false, false, true, false]);
    expect(xml).toContain('奇台县碧流河镇配合履职事项清单');
  });
});
