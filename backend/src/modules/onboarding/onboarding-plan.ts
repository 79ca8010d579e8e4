import { createHash } from 'node:crypto';
import {
  ONBOARDING_SHEETS,
  ONBOARDING_TYPE_LEVELS,
  ORG_LEVEL_LABELS,
  ROLES,
  ROLE_LABELS,
  createOrgUnitRequestSchema,
  createUserRequestSchema,
  normalizeOrgName,
  parentLevelProblem,
  roleLevelProblem,
  type OnboardingAction,
  type OnboardingOrgRow,
  type OnboardingProblem,
  type OnboardingUserRow,
  type OrgLevel,
  type Role,
} from '@dutylist/shared';
import type { z } from 'zod';

/**
 * The plan of a bulk onboarding, as a pure function of the workbook's rows and the directory as it is:
 * which org units and accounts are created, updated or left unchanged, and every problem with its sheet
 * and row. The preview shows it; the confirmation computes it again inside its transaction and applies
 * it only if it is still the same plan (same signature). Field rules come from the shared contracts and
 * org-unit rules, so the single-item admin API and this importer refuse the same things.
 */

/** One data row of the 组织机构 sheet, as the cells read (trimmed text). */
export interface OrgInputRow {
  row: number;
  name: string;
  shortName: string;
  type: string;
  parent: string;
  aliases: string;
  /** Problems found while reading the cells (invalid characters, too long). */
  cellProblems?: Array<{ column: string; message: string }>;
}

/** One data row of the 用户 sheet. */
export interface UserInputRow {
  row: number;
  username: string;
  displayName: string;
  role: string;
  orgUnit: string;
  email: string;
  cellProblems?: Array<{ column: string; message: string }>;
}

export interface OnboardingInput {
  orgUnits: OrgInputRow[];
  users: UserInputRow[];
}

/** An org unit of the database the admin may see: their subtree and the units above it. */
export interface DirectoryUnit {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  level: OrgLevel;
  parentId: string | null;
  path: string;
  isActive: boolean;
}

/** An existing account named by the file (any unit: an account outside the scope still takes its name). */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  email: string | null;
  /** The path of the account's unit. */
  orgPath: string;
}

export interface Directory {
  units: DirectoryUnit[];
  /** Keyed by the lower-cased user name. */
  users: Map<string, DirectoryUser>;
}

export interface OnboardingActor {
  username: string;
  /** The admin's subtree: a unit is in scope when its path starts with this. */
  orgPath: string;
}

export interface PlannedUnit {
  row: number;
  action: OnboardingAction;
  name: string;
  shortName: string | null;
  aliases: string[];
  level: OrgLevel | null;
  /** The existing unit this row is (update / unchanged). */
  existingId: string | null;
  /** The parent: an existing unit's id, or the row of the file that creates it. */
  parent: { id: string } | { row: number } | null;
  changes: string[];
}

export interface PlannedUser {
  row: number;
  action: OnboardingAction;
  username: string;
  displayName: string;
  role: Role | null;
  email: string | null;
  existingId: string | null;
  unit: { id: string } | { row: number } | null;
  changes: string[];
}

export interface OnboardingPlan {
  units: PlannedUnit[];
  users: PlannedUser[];
  problems: OnboardingProblem[];
  /** The rows as the preview shows them. */
  orgRows: OnboardingOrgRow[];
  userRows: OnboardingUserRow[];
  /** SHA-256 of what would be written: equal plans, equal signatures. */
  signature: string;
}

const ORG = ONBOARDING_SHEETS.orgUnits;
const USERS = ONBOARDING_SHEETS.users;

const ROLE_BY_LABEL: Record<string, Role> = Object.fromEntries([
  ...ROLES.map((r) => [ROLE_LABELS[r], r] as const),
  ...ROLES.map((r) => [r, r] as const),
]);

const TYPE_LEVELS: Record<string, OrgLevel> = {
  ...ONBOARDING_TYPE_LEVELS,
  // The directory's own labels are accepted too (地区/自治州).
  ...Object.fromEntries(Object.entries(ORG_LEVEL_LABELS).map(([level, label]) => [label, level as OrgLevel])),
};

/** 别名 and path separators. */
const ALIAS_SEPARATOR = /[、,，;；\n]+/u;
const PATH_SEPARATOR = /[/／\\]+/u;

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | null {
  return result.success ? null : (result.error.issues[0]?.message ?? '内容不正确');
}

/** A node of the tree being resolved: a unit of the database, or a row of the file. */
interface Node {
  kind: 'db' | 'file';
  name: string;
  shortName: string | null;
  level: OrgLevel | null;
  db?: DirectoryUnit;
  input?: OrgInputRow;
  plan?: PlannedUnit;
  /** Resolution state of a file row: its parent and whether it (or an ancestor) has a problem. */
  state?: 'resolving' | 'done';
  parentNode?: Node | null;
  existing?: DirectoryUnit | null;
  failed?: boolean;
  /** The first row with the same parent and name (a later one is a duplicate). */
  duplicateOf?: number;
}

export function planOnboarding(input: OnboardingInput, directory: Directory, actor: OnboardingActor): OnboardingPlan {
  const problems: OnboardingProblem[] = [];
  const report = (sheet: typeof ORG | typeof USERS, row: number, column: string | null, message: string) =>
    problems.push({ sheet, row, column, message });

  const inScope = (unit: DirectoryUnit) => unit.path.startsWith(actor.orgPath);
  const dbById = new Map(directory.units.map((u) => [u.id, u]));
  const dbChildren = new Map<string, DirectoryUnit>();
  for (const u of directory.units) if (u.parentId) dbChildren.set(`${u.parentId}|${u.name}`, u);

  // ---- the org unit rows: fields first
  const fileNodes: Node[] = [];
  const units: PlannedUnit[] = [];
  for (const row of input.orgUnits) {
    const plan: PlannedUnit = {
      row: row.row,
      action: 'error',
      name: normalizeOrgName(row.name),
      shortName: null,
      aliases: [],
      level: null,
      existingId: null,
      parent: null,
      changes: [],
    };
    units.push(plan);
    let ok = true;
    const fail = (column: string | null, message: string) => {
      ok = false;
      report(ORG, row.row, column, message);
    };
    for (const p of row.cellProblems ?? []) fail(p.column, p.message);
    const name = createOrgUnitRequestSchema.shape.name.safeParse(row.name);
    if (!name.success) fail('单位全称', firstIssue(name) as string);
    if (row.shortName) {
      const shortName = createOrgUnitRequestSchema.shape.shortName.safeParse(row.shortName);
      if (shortName.success) plan.shortName = shortName.data ?? null;
      else fail('简称', firstIssue(shortName) as string);
    }
    if (row.aliases) {
      const aliases = createOrgUnitRequestSchema.shape.aliases.safeParse(
        row.aliases.split(ALIAS_SEPARATOR).filter((a) => a.trim()),
      );
      if (aliases.success) plan.aliases = [...new Set(aliases.data)];
      else fail('别名', firstIssue(aliases) as string);
    }
    const type = normalizeOrgName(row.type);
    if (!type) fail('类型', '请填写类型（自治区、地区、自治州、县、乡镇或县直部门）');
    else if (!TYPE_LEVELS[type]) fail('类型', `类型“${row.type}”无效，应为自治区、地区、自治州、县、乡镇或县直部门`);
    else plan.level = TYPE_LEVELS[type];
    if (!row.parent.trim()) fail('上级单位', '请填写上级单位（全称，重名时写路径，如 昌吉回族自治州/奇台县）');
    if (plan.level === 'region') fail('类型', '自治区是最上级单位，不能通过批量导入新建或修改');
    fileNodes.push({
      kind: 'file',
      name: plan.name,
      shortName: plan.shortName,
      level: plan.level,
      input: row,
      plan,
      failed: !ok,
    });
  }

  // ---- the name index over the database and the file
  const dbNodes = new Map<string, Node>();
  const dbNode = (u: DirectoryUnit): Node => {
    let n = dbNodes.get(u.id);
    if (!n) {
      n = { kind: 'db', name: u.name, shortName: u.shortName, level: u.level, db: u };
      dbNodes.set(u.id, n);
    }
    return n;
  };
  const byName = new Map<string, Node[]>();
  const byOtherName = new Map<string, Node[]>();
  const index = (map: Map<string, Node[]>, key: string | null | undefined, node: Node) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  };
  for (const u of directory.units) {
    const n = dbNode(u);
    index(byName, u.name, n);
    index(byOtherName, u.shortName, n);
    for (const a of u.aliases) index(byOtherName, a, n);
  }
  for (const n of fileNodes) {
    if (!n.name) continue;
    index(byName, n.name, n);
    index(byOtherName, n.shortName, n);
    for (const a of n.plan?.aliases ?? []) index(byOtherName, a, n);
  }

  const parentOf = (n: Node): Node | null => {
    if (n.kind === 'db') {
      const p = n.db?.parentId ? dbById.get(n.db.parentId) : undefined;
      return p ? dbNode(p) : null;
    }
    resolveUnit(n);
    return n.parentNode ?? null;
  };
  /** The identity of a node: an existing unit's id (a file row that matches one is that unit). */
  const identity = (n: Node): string => {
    if (n.kind === 'db') return (n.db as DirectoryUnit).id;
    resolveUnit(n);
    if (n.existing) return n.existing.id;
    return `row:${n.duplicateOf ?? (n.input as OrgInputRow).row}`;
  };
  const matchesName = (n: Node, segment: string) =>
    n.name === segment ||
    n.shortName === segment ||
    (n.kind === 'db' ? n.db?.aliases.includes(segment) : n.plan?.aliases.includes(segment));

  type Lookup = { node: Node } | { problem: string };
  /** The unit a reference names: a full name (or short name / alias), or a path ending with it. */
  const lookup = (reference: string, from?: Node): Lookup => {
    const segments = reference
      .split(PATH_SEPARATOR)
      .map((s) => normalizeOrgName(s))
      .filter(Boolean);
    const last = segments[segments.length - 1];
    if (!last) return { problem: '请填写单位' };
    const matching = (candidates: Node[]) => {
      const found = new Map<string, Node>();
      for (const c of candidates) {
        if (c === from || (c.kind === 'file' && c.state === 'resolving')) continue;
        let ancestor = parentOf(c);
        let ok = true;
        for (let i = segments.length - 2; i >= 0; i -= 1) {
          if (!ancestor || !matchesName(ancestor, segments[i])) {
            ok = false;
            break;
          }
          ancestor = parentOf(ancestor);
        }
        if (!ok) continue;
        const key = identity(c);
        // A file row that is an existing unit stands for it (its own fields, its own problems).
        const seen = found.get(key);
        if (!seen || (seen.kind === 'db' && c.kind === 'file' && c.duplicateOf === undefined)) found.set(key, c);
      }
      return [...found.values()];
    };
    let hits = matching(byName.get(last) ?? []);
    if (hits.length === 0) hits = matching(byOtherName.get(last) ?? []);
    if (hits.length === 1) return { node: hits[0] };
    if (hits.length === 0) return { problem: `未找到单位“${reference}”（系统中和本文件中都没有）` };
    return { problem: `有 ${hits.length} 个单位都叫“${reference}”，请写出路径，如 昌吉回族自治州/奇台县` };
  };

  const nodeLabel = (n: Node) =>
    n.kind === 'db' ? `“${n.name}”` : `“${n.name}”（${ORG}第 ${(n.input as OrgInputRow).row} 行）`;
  const pathOf = (n: Node | null | undefined): string | null => {
    const names: string[] = [];
    for (let c: Node | null | undefined = n; c; c = parentOf(c)) {
      if (c.kind === 'db' && c.db && !c.db.path.startsWith(actor.orgPath)) break;
      names.unshift(c.name);
    }
    return names.length ? names.join('/') : null;
  };

  const siblings = new Map<string, number>();
  /** Resolves a file row's parent (recursively, so parents may come later in the file). */
  function resolveUnit(n: Node): void {
    if (n.state === 'done') return;
    const row = n.input as OrgInputRow;
    const plan = n.plan as PlannedUnit;
    if (n.state === 'resolving') return;
    n.state = 'resolving';
    let ok = !n.failed;
    const fail = (column: string | null, message: string) => {
      ok = false;
      report(ORG, row.row, column, message);
    };
    n.parentNode = null;
    n.existing = null;
    if (row.parent.trim()) {
      const found = lookup(row.parent, n);
      if ('problem' in found) fail('上级单位', `上级单位：${found.problem}`);
      else {
        const parent = found.node;
        if (parent.kind === 'db' && !inScope(parent.db as DirectoryUnit)) {
          fail('上级单位', `上级单位“${row.parent}”不在您的管理范围内`);
        } else {
          if (parent.kind === 'file') {
            resolveUnit(parent);
            if (parent.failed) fail('上级单位', `上级单位${nodeLabel(parent)}有错误，请先修正该行`);
          }
          if (parent.kind === 'db' && !(parent.db as DirectoryUnit).isActive) {
            fail('上级单位', `上级单位“${parent.name}”已停用`);
          }
          if (ok && plan.level) {
            const problem = parentLevelProblem(plan.level, parent.level);
            if (problem) fail('类型', problem);
          }
          n.parentNode = parent;
          const parentId = parent.kind === 'db' ? parent.db?.id : parent.existing?.id;
          n.existing = parentId && plan.name ? (dbChildren.get(`${parentId}|${plan.name}`) ?? null) : null;
        }
      }
    }
    if (n.parentNode && plan.name) {
      const key = `${identity(n.parentNode)}|${plan.name}`;
      const first = siblings.get(key);
      if (first !== undefined && first !== row.row) {
        n.duplicateOf = first;
        fail('单位全称', `与${ORG}第 ${first} 行重复：同一上级单位下已有“${plan.name}”`);
      } else siblings.set(key, row.row);
    }
    if (n.existing && plan.level && n.existing.level !== plan.level) {
      fail('类型', `该单位已存在，类型为${ORG_LEVEL_LABELS[n.existing.level]}，与文件中的“${row.type}”不一致`);
    }
    n.failed = !ok;
    n.state = 'done';
  }

  // Rows in file order: each resolves its parents first (dependency order), whatever their row.
  for (const n of fileNodes) resolveUnit(n);
  const orgRows: OnboardingOrgRow[] = [];
  for (const n of fileNodes) {
    const plan = n.plan as PlannedUnit;
    const parent = n.parentNode;
    plan.parent = parent
      ? parent.kind === 'db'
        ? { id: (parent.db as DirectoryUnit).id }
        : parent.existing
          ? { id: parent.existing.id }
          : { row: parent.duplicateOf ?? (parent.input as OrgInputRow).row }
      : null;
    plan.existingId = n.existing?.id ?? null;
    if (n.failed) plan.action = 'error';
    else if (!n.existing) plan.action = 'create';
    else {
      const e = n.existing;
      if (plan.shortName && plan.shortName !== e.shortName)
        plan.changes.push(`简称 ${e.shortName ?? '（无）'} → ${plan.shortName}`);
      else plan.shortName = e.shortName;
      const same = plan.aliases.length === e.aliases.length && plan.aliases.every((a) => e.aliases.includes(a));
      if (plan.aliases.length && !same)
        plan.changes.push(`别名 ${e.aliases.join('、') || '（无）'} → ${plan.aliases.join('、')}`);
      else plan.aliases = e.aliases;
      plan.action = plan.changes.length ? 'update' : 'unchanged';
    }
    orgRows.push({
      row: plan.row,
      name: plan.name,
      shortName: plan.shortName,
      level: plan.level,
      parent: (n.input as OrgInputRow).parent,
      path: n.failed ? null : pathOf(n),
      aliases: plan.aliases,
      action: plan.action,
      changes: plan.changes,
    });
  }

  // ---- the account rows
  const users: PlannedUser[] = [];
  const userRows: OnboardingUserRow[] = [];
  const seenUsernames = new Map<string, number>();
  for (const row of input.users) {
    const plan: PlannedUser = {
      row: row.row,
      action: 'error',
      username: row.username.trim(),
      displayName: row.displayName.trim(),
      role: null,
      email: null,
      existingId: null,
      unit: null,
      changes: [],
    };
    users.push(plan);
    let ok = true;
    const fail = (column: string | null, message: string) => {
      ok = false;
      report(USERS, row.row, column, message);
    };
    for (const p of row.cellProblems ?? []) fail(p.column, p.message);
    const username = createUserRequestSchema.shape.username.safeParse(row.username);
    if (!row.username.trim()) fail('用户名', '请填写用户名');
    else if (!username.success) fail('用户名', `用户名“${row.username}”无效：${firstIssue(username)}`);
    const displayName = createUserRequestSchema.shape.displayName.safeParse(row.displayName);
    if (!displayName.success) fail('姓名', firstIssue(displayName) as string);
    else plan.displayName = displayName.data;
    const roleText = row.role.trim();
    if (!roleText) fail('角色', '请填写角色');
    else if (!ROLE_BY_LABEL[roleText]) {
      fail('角色', `角色“${roleText}”无效，应为${ROLES.map((r) => ROLE_LABELS[r]).join('、')}之一`);
    } else plan.role = ROLE_BY_LABEL[roleText];
    if (row.email.trim()) {
      const email = createUserRequestSchema.shape.email.safeParse(row.email);
      if (email.success) plan.email = email.data ?? null;
      else fail('邮箱', firstIssue(email) as string);
    }
    const key = plan.username.toLowerCase();
    if (plan.username) {
      const first = seenUsernames.get(key);
      if (first !== undefined) fail('用户名', `用户名“${plan.username}”与${USERS}第 ${first} 行重复`);
      else seenUsernames.set(key, row.row);
    }
    let unitNode: Node | null = null;
    if (!row.orgUnit.trim()) fail('所属单位', '请填写所属单位');
    else {
      const found = lookup(row.orgUnit);
      if ('problem' in found) fail('所属单位', `所属单位：${found.problem}`);
      else {
        unitNode = found.node;
        if (unitNode.kind === 'db' && !inScope(unitNode.db as DirectoryUnit)) {
          fail('所属单位', `所属单位“${row.orgUnit}”不在您的管理范围内`);
        } else if (unitNode.kind === 'file' && unitNode.failed) {
          fail('所属单位', `所属单位${nodeLabel(unitNode)}有错误，请先修正该行`);
        } else if (unitNode.kind === 'db' && !(unitNode.db as DirectoryUnit).isActive) {
          fail('所属单位', `所属单位“${unitNode.name}”已停用`);
        } else if (plan.role && unitNode.level) {
          const problem = roleLevelProblem(plan.role, unitNode.level);
          if (problem) fail('角色', `${ROLE_LABELS[plan.role]}：${problem}`);
        }
        if (unitNode.kind === 'db') plan.unit = { id: (unitNode.db as DirectoryUnit).id };
        else if (unitNode.existing) plan.unit = { id: unitNode.existing.id };
        else plan.unit = { row: unitNode.duplicateOf ?? (unitNode.input as OrgInputRow).row };
      }
    }
    const existing = plan.username ? directory.users.get(key) : undefined;
    if (existing && !existing.orgPath.startsWith(actor.orgPath)) {
      fail('用户名', `用户名“${plan.username}”已被其他单位的账号使用`);
    }
    if (ok && existing) {
      plan.existingId = existing.id;
      plan.username = existing.username;
      const unitId = plan.unit && 'id' in plan.unit ? plan.unit.id : null;
      if (plan.displayName !== existing.displayName)
        plan.changes.push(`姓名 ${existing.displayName} → ${plan.displayName}`);
      if (plan.role !== existing.role) {
        plan.changes.push(`角色 ${ROLE_LABELS[existing.role]} → ${ROLE_LABELS[plan.role as Role]}`);
      }
      if (unitId !== existing.orgUnitId) plan.changes.push(`所属单位 → ${unitNode?.name ?? ''}`);
      if (plan.email && plan.email !== existing.email)
        plan.changes.push(`邮箱 ${existing.email ?? '（无）'} → ${plan.email}`);
      else plan.email = existing.email;
      if (plan.changes.length && key === actor.username.toLowerCase()) {
        fail('用户名', '不能通过批量导入修改您自己的账号');
      }
    }
    plan.action = !ok ? 'error' : !existing ? 'create' : plan.changes.length ? 'update' : 'unchanged';
    userRows.push({
      row: plan.row,
      username: plan.username,
      displayName: plan.displayName,
      role: plan.role,
      orgUnit: row.orgUnit,
      orgUnitPath: ok ? pathOf(unitNode) : null,
      email: plan.email,
      action: plan.action,
      changes: plan.changes,
    });
  }

  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === ORG ? -1 : 1));
  return { units, users, problems, orgRows, userRows, signature: signatureOf(units, users) };
}

function signatureOf(units: PlannedUnit[], users: PlannedUser[]): string {
  const ref = (r: { id: string } | { row: number } | null) => (!r ? '-' : 'id' in r ? r.id : `row:${r.row}`);
  const hash = createHash('sha256');
  for (const u of units) {
    hash.update(
      JSON.stringify([u.row, u.action, u.existingId, ref(u.parent), u.name, u.level, u.shortName, u.aliases]),
    );
  }
  for (const u of users) {
    hash.update(
      JSON.stringify([u.row, u.action, u.existingId, ref(u.unit), u.username, u.displayName, u.role, u.email]),
    );
  }
  return hash.digest('hex');
}

/** Counts per action, for the preview and the trail. */
export function countActions(rows: Array<{ action: OnboardingAction }>): Record<OnboardingAction, number> {
  const counts: Record<OnboardingAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action] += 1;
  return counts;
}
