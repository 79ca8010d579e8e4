import { AppError } from '../../common/app-error';
import type { ListVersionEntity } from '../lists/list-version.entity';

/** A side as asked for: a version number, or the live draft. */
export type SideSpec = number | 'draft';

/** The pair to compare once defaults are applied: `from` a version, `to` a version or the draft. */
export interface ResolvedPair {
  from: ListVersionEntity;
  to: ListVersionEntity | 'draft';
}

function noVersion(): AppError {
  return new AppError('NO_VERSION', '该清单尚未报送，还没有可对比的版本');
}

function findVersion(versions: readonly ListVersionEntity[], number: number): ListVersionEntity {
  const version = versions.find((v) => v.number === number);
  if (!version) throw AppError.notFound('NOT_FOUND', `未找到该清单的第 ${number} 版`);
  return version;
}

/**
 * Which two sides a request compares. Nothing asked: the last two versions, or the only version against the
 * draft (no version at all: 409 NO_VERSION). Only `from`: against the latest version, or the draft when
 * `from` is the latest. Only `to`: from the version before it (for the draft: the latest version).
 */
export function resolvePair(
  versions: readonly ListVersionEntity[],
  from: number | undefined,
  to: SideSpec | undefined,
): ResolvedPair {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const latest = sorted.at(-1);
  const fromVersion = from === undefined ? undefined : findVersion(sorted, from);
  const toSide = to === undefined || to === 'draft' ? to : findVersion(sorted, to);
  if (fromVersion) {
    if (toSide !== undefined) return { from: fromVersion, to: toSide };
    return { from: fromVersion, to: latest && latest.number > fromVersion.number ? latest : 'draft' };
  }
  if (!latest) throw noVersion();
  if (toSide === undefined) {
    return sorted.length >= 2 ? { from: sorted[sorted.length - 2], to: latest } : { from: latest, to: 'draft' };
  }
  if (toSide === 'draft') return { from: latest, to: 'draft' };
  const before = [...sorted].reverse().find((v) => v.number < toSide.number);
  return { from: before ?? toSide, to: toSide };
}

/** `第1轮`, or `第2版` when both sides are of the same round; the draft is 当前草稿. */
export function sideShortLabel(side: ListVersionEntity | 'draft', other: ListVersionEntity | 'draft'): string {
  if (side === 'draft') return '当前草稿';
  const sameRound = other !== 'draft' && other.round === side.round && other.number !== side.number;
  return sameRound ? `第${side.number}版` : `第${side.round}轮`;
}
