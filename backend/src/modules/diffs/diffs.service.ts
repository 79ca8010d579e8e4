import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  DRAFT_SIDE_LABEL,
  comparePeers,
  diffVersions,
  summarizeDiff,
  type DiffExportFormat,
  type DiffItemAnnotation,
  type DiffQuery,
  type DiffSide,
  type Explanation,
  type ItemDecision,
  type ListDetail,
  type ListDiff,
  type PeerComparisonResponse,
  type PeerItem,
  type PeerListRef,
  type VersionItem,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { EXPORT_CONTENT_TYPES } from '../documents/export/export-format';
import { ItemEntity } from '../items/item.entity';
import { DutyListEntity } from '../lists/duty-list.entity';
import { ListVersionEntity } from '../lists/list-version.entity';
import { ListsService } from '../lists/lists.service';
import { ItemDecisionEntity } from '../reviews/item-decision.entity';
import { ReviewStateService, toVersionItem, toVersionRef } from '../reviews/review-state.service';
import { resolvePair, sideShortLabel, type ResolvedPair } from './diff-sides';
import { buildChangeTableDocx } from './export/build-change-docx';
import { buildChangeTableXlsx } from './export/build-change-xlsx';
import { changeRows } from './export/change-table';

export interface DiffFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

interface LoadedSide {
  side: DiffSide;
  items: VersionItem[];
  explanation: Partial<Explanation>;
}

/** A computed diff and the decisions on its `from` version per item (the reasons of the 修改对照表). */
interface ComputedDiff {
  diff: ListDiff;
  fromDecisions: Map<string, ItemDecision[]>;
}

/** The 说明 text that states the counts (`共有履职事项 309 项，其中…`), as the validation reads it. */
function statedText(explanation: Partial<Explanation>): string[] {
  return [explanation.content, explanation.basicInfo].filter((t): t is string => !!t);
}

function groupByItem(decisions: ItemDecision[]): Map<string, ItemDecision[]> {
  const byItem = new Map<string, ItemDecision[]>();
  for (const d of decisions) byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);
  return byItem;
}

function peerItem(item: VersionItem): PeerItem {
  return { id: item.id, table: item.table, seq: item.seq, category: item.category, name: item.name };
}

function peerListRef(list: ListDetail): PeerListRef {
  return {
    id: list.id,
    title: list.title,
    edition: list.edition,
    township: list.township.name,
    county: list.county.name,
  };
}

/**
 * Item-level diffs of a list between two versions (or a version and the draft), with the decisions and
 * open threads the diff screen filters on; the 修改对照表 export; and the comparison with a peer list.
 * Scope: anyone who can see the list (404 outside, for either list of a comparison).
 */
@Injectable()
export class DiffsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly reviewState: ReviewStateService,
  ) {}

  async diff(user: AuthUser, listId: string, query: DiffQuery): Promise<ListDiff> {
    const list = await this.lists.getForUser(user, listId);
    return (await this.compute(list, query)).diff;
  }

  /**
   * What changed since the caller last decided on the list: from the latest version on which they made a
   * decision of their own (not an approval carried over) to the latest version.
   */
  async sinceMyDecision(user: AuthUser, listId: string, includeRenumbered = false): Promise<ListDiff> {
    const list = await this.lists.getForUser(user, listId);
    const rows: { number: number }[] = await this.db.query(
      `SELECT v.number FROM item_decisions d JOIN list_versions v ON v.id = d.version_id
       WHERE d.list_id = $1 AND d.reviewer_id = $2 AND d.carried_from IS NULL
       ORDER BY v.number DESC LIMIT 1`,
      [listId, user.id],
    );
    const [latest] = await this.reviewState.latestVersions(this.db.manager, listId);
    if (rows.length === 0 || !latest) {
      return {
        listId,
        from: null,
        to: latest ? { kind: 'version', version: toVersionRef(latest) } : this.draftSide(list),
        includeRenumbered,
        entries: [],
        summary: summarizeDiff([]),
        statedCounts: null,
        annotations: {},
      };
    }
    return (await this.compute(list, { from: rows[0].number, to: latest.number, includeRenumbered })).diff;
  }

  /** The 修改对照表 of two versions as .docx or .xlsx, under a Chinese file name. */
  async exportChanges(
    user: AuthUser,
    listId: string,
    query: { from?: number; to?: number | 'draft' },
    format: DiffExportFormat,
  ): Promise<DiffFile> {
    const list = await this.lists.getForUser(user, listId);
    const pair = await this.resolve(list, await this.versions(listId), query);
    const { diff, fromDecisions } = await this.compute(list, {
      from: pair.from.listId === listId ? pair.from.number : 'base',
      to: pair.to === 'draft' ? 'draft' : pair.to.number,
    });
    const name = [...list.township.name].filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c)).join('');
    const title = `${name}履职事项清单（${list.edition}年）修改对照表（${sideShortLabel(pair.from, pair.to)}→${sideShortLabel(pair.to, pair.from)}）`;
    const sideText = (side: DiffSide | null) =>
      !side ? '' : side.kind === 'draft' ? side.label : `第${side.version.number}版 ${side.version.label}`;
    const rows = changeRows(diff.entries, fromDecisions);
    const input = {
      title,
      subtitle: `${sideText(diff.from)} → ${sideText(diff.to)}，共 ${rows.length} 项修改`,
      rows,
    };
    return {
      fileName: `${title}.${format}`,
      contentType: EXPORT_CONTENT_TYPES[format],
      body: format === 'docx' ? await buildChangeTableDocx(input) : await buildChangeTableXlsx(input),
    };
  }

  /**
   * The list's draft against another list's draft: duties missing, extra, or filed in another table or
   * category. Place names of both lists are normalised away before matching. Both lists must be in scope.
   */
  async compare(user: AuthUser, listId: string, otherId: string): Promise<PeerComparisonResponse> {
    const list = await this.lists.getForUser(user, listId);
    const other = await this.lists.getForUser(user, otherId);
    const [itemsA, itemsB] = await Promise.all([this.draftItems(listId), this.draftItems(otherId)]);
    const placeNames = [
      ...new Set(
        [list, other].flatMap((l) => [l.township.name, l.county.name, l.prefecture.name]).filter((n) => n.trim()),
      ),
    ];
    const result = comparePeers(itemsA, itemsB, { placeNames });
    const pair = (p: { a: VersionItem; b: VersionItem; method: 'exact' | 'similar'; confidence: number }) => ({
      a: peerItem(p.a),
      b: peerItem(p.b),
      method: p.method,
      confidence: Math.round(p.confidence * 1000) / 1000,
    });
    return {
      list: peerListRef(list),
      other: peerListRef(other),
      matched: result.matched.length,
      missing: result.missing.map(peerItem),
      extra: result.extra.map(peerItem),
      differentTable: result.differentTable.map((p) => ({ ...pair(p), table: p.table })),
      differentCategory: result.differentCategory.map((p) => ({ ...pair(p), category: p.category })),
      placeNames,
    };
  }

  /**
   * The pair a request compares. Beyond `resolvePair`: `from=base` is the earlier edition's published version
   * the list started from; with nothing asked, an adjustment under way compares the version in force with the
   * proposal (its latest version, or the draft), and a list without versions that started from an earlier
   * edition compares that version with the draft.
   */
  private async resolve(
    list: ListDetail,
    versions: ListVersionEntity[],
    query: { from?: number | 'base'; to?: number | 'draft' },
  ): Promise<ResolvedPair> {
    const latest = versions.at(-1);
    const proposal = (after: number): ListVersionEntity | 'draft' =>
      latest && latest.number > after ? latest : 'draft';
    if (query.from === 'base' || (query.from === undefined && query.to === undefined && !latest && list.base)) {
      const base = await this.baseVersion(list.id);
      if (!base) throw new AppError('NO_VERSION', '该清单不是从上一届发布的清单开始的，没有可对比的起点');
      const to = query.to === undefined ? proposal(0) : resolvePair(versions, undefined, query.to).to;
      return { from: base, to };
    }
    if (query.from === undefined && query.to === undefined && list.adjusting && list.inForce) {
      const inForce = versions.find((v) => v.number === list.inForce?.number);
      if (inForce) return { from: inForce, to: proposal(inForce.number) };
    }
    return resolvePair(versions, query.from, query.to);
  }

  private async baseVersion(listId: string): Promise<ListVersionEntity | null> {
    const list = await this.db.getRepository(DutyListEntity).findOneBy({ id: listId });
    return list?.baseVersionId ? this.db.getRepository(ListVersionEntity).findOneBy({ id: list.baseVersionId }) : null;
  }

  private async compute(list: ListDetail, query: DiffQuery): Promise<ComputedDiff> {
    const versions = await this.versions(list.id);
    const pair = await this.resolve(list, versions, query);
    const includeRenumbered = query.includeRenumbered ?? false;
    const [before, after] = await Promise.all([this.loadSide(list, pair.from), this.loadSide(list, pair.to)]);
    const result = diffVersions(before.items, after.items, {
      includeRenumbered,
      statedCounts: { before: statedText(before.explanation), after: statedText(after.explanation) },
    });
    const statedCounts =
      result.statedCounts && (result.statedCounts.before || result.statedCounts.after) ? result.statedCounts : null;

    // Decisions "on `to`": for the draft, those on the latest version, which the draft is answering.
    const latest = versions.reduce<ListVersionEntity | undefined>(
      (a, v) => (!a || v.number > a.number ? v : a),
      undefined,
    );
    const toVersion = pair.to === 'draft' ? latest : pair.to;
    const decisions = await this.decisionsOn([pair.from.id, ...(toVersion ? [toVersion.id] : [])]);
    const toDecisions = groupByItem(decisions.filter((d) => toVersion && d.versionNumber === toVersion.number));
    const fromDecisions = groupByItem(decisions.filter((d) => d.versionNumber === pair.from.number));
    const openThreads = await this.openThreadCounts(list.id);

    const annotations: Record<string, DiffItemAnnotation> = {};
    for (const entry of result.entries) {
      const id = (entry.after ?? entry.before)?.id;
      if (!id) continue;
      const annotation: DiffItemAnnotation = {
        decisions: toDecisions.get(id) ?? [],
        fromDecisions: pair.from === toVersion ? [] : (fromDecisions.get(id) ?? []),
        openThreads: openThreads.get(id) ?? 0,
      };
      if (annotation.decisions.length || annotation.fromDecisions.length || annotation.openThreads) {
        annotations[id] = annotation;
      }
    }

    return {
      diff: {
        listId: list.id,
        from: before.side,
        to: after.side,
        includeRenumbered,
        entries: result.entries,
        summary: result.summary,
        statedCounts,
        annotations,
      },
      fromDecisions,
    };
  }

  private versions(listId: string): Promise<ListVersionEntity[]> {
    return this.db.getRepository(ListVersionEntity).find({ where: { listId }, order: { number: 'ASC' } });
  }

  private async loadSide(list: ListDetail, side: ListVersionEntity | 'draft'): Promise<LoadedSide> {
    if (side === 'draft') {
      return { side: this.draftSide(list), items: await this.draftItems(list.id), explanation: list.explanation };
    }
    const items = await this.lists.versionItems(this.db.manager, side.id);
    const ref = toVersionRef(side);
    // The earlier edition's version the list started from: named by its edition.
    if (side.listId !== list.id && list.base) ref.label = `${list.base.edition}年度发布版本（${ref.label}）`;
    return {
      side: { kind: 'version', version: ref },
      items: items.map(toVersionItem),
      explanation: side.explanation ?? {},
    };
  }

  private draftSide(list: ListDetail): DiffSide {
    return { kind: 'draft', label: DRAFT_SIDE_LABEL, updatedAt: list.updatedAt };
  }

  private async draftItems(listId: string): Promise<VersionItem[]> {
    const items = await this.db
      .getRepository(ItemEntity)
      .find({ where: { listId }, order: { table: 'ASC', seq: 'ASC' } });
    return items.map(toVersionItem);
  }

  private async decisionsOn(versionIds: string[]): Promise<ItemDecision[]> {
    const decisions = await this.db.getRepository(ItemDecisionEntity).find({
      where: { versionId: In([...new Set(versionIds)]) },
      order: { createdAt: 'ASC' },
    });
    return this.reviewState.decisionDtos(this.db.manager, decisions);
  }

  private async openThreadCounts(listId: string): Promise<Map<string, number>> {
    const rows: { item_id: string; open: number }[] = await this.db.query(
      `SELECT item_id, count(*)::int AS open FROM comment_threads
       WHERE list_id = $1 AND status = 'open' GROUP BY item_id`,
      [listId],
    );
    return new Map(rows.map((r) => [r.item_id, r.open]));
  }
}
