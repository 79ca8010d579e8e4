import {
  ORG_LEVELS,
  PARENT_LEVEL,
  ROLES,
  ROLE_LEVELS,
  type AdminOrgUnit,
  type OrgLevel,
  type Role,
} from '@dutylist/shared';

/** A node of the 机构管理 tree: a unit, or the folder grouping a county's departments (县直部门). */
export interface OrgTreeNode {
  key: string;
  unit: AdminOrgUnit | null;
  /** For the departments folder: the county it belongs to. */
  countyId?: string;
  departmentCount?: number;
  children: OrgTreeNode[];
}

export const departmentsFolderKey = (countyId: string) => `departments:${countyId}`;

/** The levels a new unit under `parent` may have: township and department under a county, etc. */
export function childLevelsOf(parent: OrgLevel): OrgLevel[] {
  return ORG_LEVELS.filter((level) => PARENT_LEVEL[level] === parent);
}

/** The roles an account of a unit of `level` may have. */
export function rolesFor(level: OrgLevel): Role[] {
  return ROLES.filter((role) => ROLE_LEVELS[role].includes(level));
}

function matches(unit: AdminOrgUnit, search: string): boolean {
  return [unit.name, unit.shortName ?? '', ...unit.aliases].some((n) => n.includes(search));
}

/**
 * The flat subtree as a tree: children in the API's order (by name), a county's departments grouped
 * under one 县直部门 folder after its townships. With a search, only matching units and their ancestors.
 */
export function buildOrgTree(units: AdminOrgUnit[], search = ''): OrgTreeNode[] {
  const term = search.trim();
  const byId = new Map(units.map((u) => [u.id, u]));
  let visible: Set<string> | null = null;
  if (term) {
    visible = new Set();
    for (const unit of units) {
      if (!matches(unit, term)) continue;
      for (
        let u: AdminOrgUnit | undefined = unit;
        u && !visible.has(u.id);
        u = u.parentId ? byId.get(u.parentId) : undefined
      ) {
        visible.add(u.id);
      }
    }
  }
  const nodes = new Map<string, OrgTreeNode>();
  for (const unit of units) {
    if (visible && !visible.has(unit.id)) continue;
    nodes.set(unit.id, { key: unit.id, unit, children: [] });
  }
  const roots: OrgTreeNode[] = [];
  const folders = new Map<string, OrgTreeNode>();
  for (const node of nodes.values()) {
    const unit = node.unit as AdminOrgUnit;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (!parent) {
      roots.push(node);
    } else if (unit.level === 'department') {
      let folder = folders.get(parent.key);
      if (!folder) {
        folder = {
          key: departmentsFolderKey(parent.key),
          unit: null,
          countyId: parent.key,
          departmentCount: 0,
          children: [],
        };
        folders.set(parent.key, folder);
      }
      folder.children.push(node);
      folder.departmentCount = folder.children.length;
    } else {
      parent.children.push(node);
    }
  }
  for (const [countyId, folder] of folders) nodes.get(countyId)?.children.push(folder);
  return roots;
}

/** Keys of every node down to `depth` levels (the tree opens the admin's unit and the next level). */
export function keysToDepth(nodes: OrgTreeNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => [n.key, ...keysToDepth(n.children, depth - 1)]);
}
