import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  LIST_TABLES,
  type DutyListExportInput,
  type DutyListExportItem,
  type Explanation,
  type ListDetail,
  type ListTable,
  formatDutyListText,
  toExportItem,
} from '@dutylist/shared';
import { AppError } from '../../../common/app-error';
import type { AuthUser } from '../../auth/auth-user';
import { ItemEntity } from '../../items/item.entity';
import { ListVersionEntity } from '../../lists/list-version.entity';
import { ListsService } from '../../lists/lists.service';
import { buildDutyListDocx } from './build-docx';
import { buildDutyListXlsx } from './build-xlsx';
import { EXPORT_CONTENT_TYPES, type ExportFormat, exportFileName } from './export-format';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

type ExportSource = Pick<ItemEntity, 'table' | 'seq'> & DutyListExportItem;

/** Text for Windows tools: a byte-order mark and CRLF line ends (the parser reads either). */
function textBytes(text: string): Buffer {
  return Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf8');
}

/** Builds the bytes of one export format from the list's content. */
export async function renderDutyList(input: DutyListExportInput, format: ExportFormat): Promise<Buffer> {
  if (format === 'docx') return buildDutyListDocx(input);
  if (format === 'xlsx') return buildDutyListXlsx(input);
  return textBytes(formatDutyListText(input));
}

/** Downloads of a list as Word, Excel or text: the draft, or any frozen version. Anyone who can see the list. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
  ) {}

  async exportDraft(user: AuthUser, listId: string, format: ExportFormat): Promise<ExportedFile> {
    const list = await this.lists.getForUser(user, listId);
    const items = await this.db
      .getRepository(ItemEntity)
      .find({ where: { listId }, order: { table: 'ASC', seq: 'ASC' } });
    return this.render(list, list.explanation, items, format);
  }

  async exportVersion(user: AuthUser, listId: string, number: number, format: ExportFormat): Promise<ExportedFile> {
    const list = await this.lists.getForUser(user, listId);
    const version =
      number >= 1 && number <= 2 ** 31 - 1
        ? await this.db.getRepository(ListVersionEntity).findOneBy({ listId, number })
        : null;
    if (!version) throw AppError.notFound('NOT_FOUND', `未找到该清单的第 ${number} 版`);
    const items = await this.lists.versionItems(this.db.manager, version.id);
    return this.render(list, version.explanation, items, format, number);
  }

  /** The version in force (the last published one, also while an adjustment runs): 409 before any publication. */
  async exportInForce(user: AuthUser, listId: string, format: ExportFormat): Promise<ExportedFile> {
    const list = await this.lists.getForUser(user, listId);
    if (!list.inForce) throw new AppError('NO_VERSION', '该清单尚未发布，没有生效的版本');
    return this.exportVersion(user, listId, list.inForce.number, format);
  }

  private async render(
    list: ListDetail,
    explanation: Partial<Explanation>,
    items: ExportSource[],
    format: ExportFormat,
    version?: number,
  ): Promise<ExportedFile> {
    const byTable = Object.fromEntries(
      LIST_TABLES.map((table) => [
        table,
        items
          .filter((i) => i.table === table)
          .sort((a, b) => a.seq - b.seq)
          .map(toExportItem),
      ]),
    ) as Record<ListTable, DutyListExportItem[]>;
    const input: DutyListExportInput = {
      prefecture: list.prefecture.name,
      county: list.county.name,
      township: list.township.name,
      edition: list.edition,
      explanation,
      items: byTable,
    };
    return {
      fileName: exportFileName(list.township.name, list.edition, format, version),
      contentType: EXPORT_CONTENT_TYPES[format],
      body: await renderDutyList(input, format),
    };
  }
}
