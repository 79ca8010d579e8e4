import { AppError } from '../../../common/app-error';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

/** The `format` query parameter: docx (the default), xlsx or txt; anything else is a 400. */
export function parseExportFormat(value: unknown): ExportFormat {
  if (value === undefined || value === '') return 'docx';
  const format = typeof value === 'string' ? value.toLowerCase() : '';
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new AppError('VALIDATION_FAILED', '导出格式只能是 docx、xlsx 或 txt', { field: 'format' });
}

/** `碧流河镇履职事项清单（2025年）.docx`, or `…（2025年）第2版.docx` for a frozen version. */
export function exportFileName(township: string, edition: number, format: ExportFormat, version?: number): string {
  const safe = [...township].filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c)).join('');
  return `${safe}履职事项清单（${edition}年）${version ? `第${version}版` : ''}.${format}`;
}

/**
 * Content-Disposition for a download with a non-ASCII name (RFC 6266 / 5987): an ASCII fallback for old
 * clients, and `filename*=UTF-8''…` that browsers use.
 */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const fallback = `duty-list${dot >= 0 ? fileName.slice(dot) : ''}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
