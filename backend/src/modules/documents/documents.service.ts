import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NotADutyListError, type ImportPreview } from '@dutylist/shared';
import { parseDutyListFile } from '@dutylist/shared/dist/document/office';
import type { ParsedDutyListDocument } from '@dutylist/shared/dist/document/parse-document';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { ItemEntity } from '../items/item.entity';
import { itemFieldsFromRow } from '../items/item-fields';
import { DutyListEntity } from '../lists/duty-list.entity';
import { authorize } from '../policies/list.policy';
import { ListsService } from '../lists/lists.service';
import { DocumentImportEntity } from './document-import.entity';
import { buildImportPlan } from './import-plan';

export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
  size: number;
}

function toPreview(entity: DocumentImportEntity): ImportPreview {
  return {
    ...entity.preview,
    id: entity.id,
    listId: entity.listId,
    status: entity.status,
    createdAt: entity.createdAt.toISOString(),
  };
}

/** Importing a document into a draft: preview first (nothing changes), then confirm in one transaction. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
  ) {}

  async previewImport(user: AuthUser, listId: string, file: UploadedDocument | undefined): Promise<ImportPreview> {
    if (!file || file.size === 0) {
      throw new AppError(file ? 'NOT_A_DUTY_LIST' : 'FILE_REQUIRED', file ? '文件为空' : '请选择要导入的文件');
    }
    const doc = await this.parse(file);
    const saved = await this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'editItems', list);
      const draft = await manager.find(ItemEntity, { where: { listId }, order: { table: 'ASC', seq: 'ASC' } });
      const plan = buildImportPlan(doc, draft);
      return manager.save(
        manager.create(DocumentImportEntity, {
          listId,
          createdBy: user.id,
          fileName: file.originalname.slice(0, 255),
          baseUpdatedAt: list.updatedAt,
          preview: {
            fileName: file.originalname,
            title: { township: doc.township, county: doc.county, prefecture: doc.prefecture },
            statedCounts: doc.statedCounts,
            issues: doc.issues.map((i) => ({
              severity: i.severity,
              code: i.code,
              line: i.line ?? null,
              list: i.list ?? null,
              seq: i.seq ?? null,
              message: i.message,
            })),
            ...plan,
          },
        }),
      );
    });
    return toPreview(saved);
  }

  async getImport(user: AuthUser, listId: string, importId: string): Promise<ImportPreview> {
    await this.lists.getForUser(user, listId);
    const found = await this.db.getRepository(DocumentImportEntity).findOneBy({ id: importId, listId });
    if (!found) throw AppError.notFound('IMPORT_NOT_FOUND', '未找到该导入记录');
    return toPreview(found);
  }

  /**
   * Applies a preview to the draft in one transaction. Idempotent: confirming twice applies once.
   * A draft changed since the preview refuses (409), so nobody confirms what they did not see.
   */
  confirmImport(user: AuthUser, listId: string, importId: string): Promise<ImportPreview> {
    return this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'editItems', list);
      const found = await manager.findOne(DocumentImportEntity, {
        where: { id: importId, listId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw AppError.notFound('IMPORT_NOT_FOUND', '未找到该导入记录');
      if (found.status === 'confirmed') return toPreview(found);
      if (found.baseUpdatedAt.getTime() !== list.updatedAt.getTime()) {
        throw new AppError('IMPORT_STALE', '预览之后清单草稿已被修改，请重新上传文件预览后再确认');
      }
      const { rows, removed } = found.preview;
      if (removed.length) await manager.delete(ItemEntity, { id: In(removed.map((r) => r.itemId)), listId });
      const current = new Map(
        (await manager.find(ItemEntity, { where: { listId } })).map((item) => [item.id, item] as const),
      );
      const inserts: Partial<ItemEntity>[] = [];
      for (const row of rows) {
        const fields = itemFieldsFromRow(row, row.table, row.seq);
        const item = row.itemId ? current.get(row.itemId) : undefined;
        if (!item) inserts.push({ listId, ...fields });
        else if (row.status === 'changed')
          await manager.update(ItemEntity, { id: item.id }, { ...fields, version: item.version + 1 });
        else if (item.seq !== row.seq) await manager.update(ItemEntity, { id: item.id }, { seq: row.seq });
      }
      for (let i = 0; i < inserts.length; i += 200) await manager.insert(ItemEntity, inserts.slice(i, i + 200));
      await manager.update(DocumentImportEntity, { id: found.id }, { status: 'confirmed', confirmedAt: () => 'now()' });
      await manager.update(DutyListEntity, { id: list.id }, { updatedAt: () => 'now()' });
      return toPreview({ ...found, status: 'confirmed' });
    });
  }

  private async parse(file: UploadedDocument): Promise<ParsedDutyListDocument> {
    try {
      return await parseDutyListFile(
        new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
      );
    } catch (error) {
      if (error instanceof NotADutyListError) {
        throw new AppError(error.reason === 'TOO_LARGE' ? 'FILE_TOO_LARGE' : 'NOT_A_DUTY_LIST', error.message);
      }
      throw error;
    }
  }
}
