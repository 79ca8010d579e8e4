import { AppError } from '../../../common/app-error';
import { contentDisposition, exportFileName, parseExportFormat } from './export-format';

describe('export formats and file names', () => {
  it('accepts docx, xlsx and txt (docx when absent) and refuses anything else with a 400', () => {
    expect(parseExportFormat(undefined)).toBe('docx');
    expect(parseExportFormat('XLSX')).toBe('xlsx');
    expect(parseExportFormat('txt')).toBe('txt');
    for (const bad of ['pdf', ['docx', 'xlsx'], 'docx ']) {
      expect(() => parseExportFormat(bad)).toThrow(AppError);
    }
    try {
      parseExportFormat('pdf');
    } catch (error) {
      expect((error as AppError).statusCode).toBe(400);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).message).toBe('导出格式只能是 docx、xlsx 或 txt');
    }
  });

  it('names the file after the township and edition, and the version when there is one', () => {
    expect(exportFileName('碧流河镇', 2025, 'docx')).toBe('碧流河镇履职事项清单（2025年）.docx');
    expect(exportFileName('碧流河镇', 2025, 'xlsx', 2)).toBe('碧流河镇履职事项清单（2025年）第2版.xlsx');
    expect(exportFileName('a/b"镇', 2025, 'txt')).toBe('ab镇履职事项清单（2025年）.txt');
  });

  it('sends the name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    const header = contentDisposition('碧流河镇履职事项清单（2025年）.docx');
    expect(header).toMatch(/^attachment; filename="duty-list\.docx"; filename\*=UTF-8''/);
    const encoded = header.split("UTF-8''")[1];
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toBe('碧流河镇履职事项清单（2025年）.docx');
  });
});
