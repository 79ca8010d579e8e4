import { inflateRawSync } from 'node:zlib';
import { ONBOARDING_LIMITS } from '@dutylist/shared';
import { AppError } from '../../common/app-error';

const invalid = (message: string) => new AppError('ONBOARDING_FILE_INVALID', message);

/**
 * Checks an uploaded .xlsx before any parser sees it: an .xlsx is a zip, and a 1 MB zip can unpack to
 * gigabytes. Reads the central directory, refuses too many entries, zip64, encryption and unknown
 * methods, then inflates every entry with a hard output bound (`maxOutputLength`), so sizes that lie in
 * the directory cannot get past either. Throws a 4xx AppError with a message in Chinese.
 */
export function assertSafeXlsx(bytes: Buffer, limits = ONBOARDING_LIMITS): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw invalid('这是旧版 .xls 文件或已加密的工作簿，请在 Excel 中另存为 .xlsx（不设密码）后再上传');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw invalid('文件不是 Excel 工作簿（.xlsx），请使用下载的模板填写后上传');
  }
  // End of central directory: the last 22 bytes, or up to 64 KiB earlier when there is a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid('文件已损坏（不是完整的 .xlsx 压缩包），请重新保存后再上传');
  const entries = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw invalid('文件结构异常（ZIP64），无法导入');
  if (entries > limits.maxZipEntries)
    throw invalid(`文件包含 ${entries} 个部件，超过上限 ${limits.maxZipEntries}，无法导入`);

  let budget: number = limits.maxUnpackedBytes;
  let offset = directoryOffset;
  let hasWorkbook = false;
  const tooBig = () =>
    invalid(`文件解压后超过 ${Math.round(limits.maxUnpackedBytes / 1024 / 1024)} MB，疑似异常文件，无法导入`);
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw invalid('文件已损坏（压缩包目录不完整），请重新保存后再上传');
    }
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('latin1', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    if (flags & 0x1) throw invalid('工作簿已加密，请取消密码后再上传');
    if (size > budget) throw tooBig();
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) {
      throw invalid('文件已损坏（压缩包部件缺失），请重新保存后再上传');
    }
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw invalid('文件已损坏（无法解压），请重新保存后再上传');
      }
    } else throw invalid('文件使用了不支持的压缩方式，请在 Excel 中重新保存后再上传');
    budget -= content.length;
    if (budget < 0) throw tooBig();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && countCells(content) > limits.maxCellsPerSheet) {
      throw invalid(
        `工作表中的单元格超过 ${limits.maxCellsPerSheet} 个（可能整列设置了格式或合并），请只保留数据区域后再上传`,
      );
    }
  }
  if (!hasWorkbook) throw invalid('文件不是 Excel 工作簿（.xlsx），请使用下载的模板填写后上传');
}

/** `<c …>` elements of a sheet's XML, counted without parsing it. */
function countCells(xml: Buffer): number {
  let count = 0;
  for (const marker of ['<c ', '<c>']) {
    for (let i = xml.indexOf(marker); i >= 0; i = xml.indexOf(marker, i + 3)) count += 1;
  }
  return count;
}
