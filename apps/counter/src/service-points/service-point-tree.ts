import { acceptedAtLevel, type ServicePointLevel } from '@onewindow/catalog';

/** What the tree rules need of a point. */
export interface PointNode {
  code: string;
  name: string;
  level: ServicePointLevel;
  parentCode: string | null;
  address: string;
  openingHours: string;
}

/**
 * The service point a signed-in clerk works at: the point whose code is their unit code, else the
 * point with the longest code that is a prefix of it (a clerk of a police station 510107001 works
 * at the district hall 510107). Undefined where the district has no points (no 三级窗口 data: no
 * restriction).
 */
export function pointOfUnit<P extends PointNode>(unitCode: string, points: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of points) {
    if (unitCode.startsWith(p.code) && (!best || p.code.length > best.code.length)) best = p;
  }
  return best;
}

/**
 * The nearest point that takes an item, walking up the tree from `from` (decision 0024): the point
 * itself, then its parent street point, then the district hall. "Nearest" is administrative, not
 * geographic: the citizen is sent where the tree says the item is handled, never sideways to a
 * sibling community. Undefined when no point on the way takes it (a hall always does).
 */
export function nearestPointTaking<P extends PointNode>(
  from: P,
  item: { acceptLevels?: readonly ServicePointLevel[] },
  points: readonly P[],
): P | undefined {
  const byCode = new Map(points.map((p) => [p.code, p]));
  const seen = new Set<string>();
  let at: P | undefined = from;
  while (at && !seen.has(at.code)) {
    if (acceptedAtLevel(item, at.level)) return at;
    seen.add(at.code);
    at = at.parentCode ? byCode.get(at.parentCode) : undefined;
  }
  return undefined;
}

export interface UnitCount {
  unitCode: string;
  /** Applications accepted by clerks of this unit. */
  accepted: number;
}

/** Accepted applications per point: each unit's count goes to the unit's point (pointOfUnit). */
export function countsPerPoint<P extends PointNode>(counts: readonly UnitCount[], points: readonly P[]): Map<string, number> {
  const out = new Map<string, number>(points.map((p) => [p.code, 0]));
  for (const c of counts) {
    const p = pointOfUnit(c.unitCode, points);
    if (p) out.set(p.code, (out.get(p.code) ?? 0) + c.accepted);
  }
  return out;
}
