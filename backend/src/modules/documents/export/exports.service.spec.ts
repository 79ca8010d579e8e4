import { parseDutyListDocument } from '@dutylist/shared/dist/document/parse-document';
import { renderDutyList } from './exports.service';
import { SAMPLES, actualCounts, exportInput, itemFields, parseSample } from './test-samples';

describe('renderDutyList as text', () => {
  it.each(SAMPLES)('%s: UTF-8 with BOM and CRLF that the parser reads back', async (name) => {
    const original = parseSample(name);
    const bytes = await renderDutyList(exportInput(original), 'txt');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n序号\t事项类别\t事项名称\r\n1\t');
    const again = parseDutyListDocument(bytes);
    expect(again.encoding).toMatch(/utf-8/);
    expect(itemFields(again)).toEqual(itemFields(original));
    expect(again.statedCounts).toEqual(actualCounts(original));
  });
});
