import { Injectable } from '@nestjs/common';
import { SERVICE_POINT_LEVEL_LABELS, SERVICE_POINT_LEVELS, acceptedAtLevel, type ServicePointLevel } from '@onewindow/catalog';
import { PoliceType, type Identity } from '@onewindow/contracts';
import { jurisdictionOf } from '@onewindow/platform';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { countsPerPoint, nearestPointTaking, pointOfUnit, type PointNode } from './service-point-tree.js';
import type { ServicePointEntity } from './service-point.entity.js';
import type { ServicePointAvailability, ServicePointFigures, ServicePointTree } from './service-points.model.js';
import { ServicePointErrorCode, ServicePointException } from './service-points.exception.js';
import { ServicePointsRepository } from './service-points.repository.js';

/** Points change only by migration; a minute's cache keeps the catalog search from asking per item. */
const POINTS_TTL_MS = 60_000;

type Point = PointNode & { districtCode: string; position: number };

function toNode(e: ServicePointEntity): Point {
  return { code: e.code, name: e.name, level: e.level as ServicePointLevel, parentCode: e.parentCode, address: e.address, openingHours: e.openingHours, districtCode: e.districtCode, position: e.position };
}

/** The 三级窗口 rules (decision 0024): which point a clerk works at, whether it takes an item, where else to go, figures per point. */
@Injectable()
export class ServicePointsService {
  private cache: { at: number; points: Point[] } | undefined;

  constructor(private readonly repo: ServicePointsRepository, private readonly catalog: CatalogIndexService) {}

  async points(): Promise<Point[]> {
    if (!this.cache || Date.now() - this.cache.at > POINTS_TTL_MS) this.cache = { at: Date.now(), points: (await this.repo.findAll()).map(toNode) };
    return this.cache.points;
  }

  /** The caller's point, or undefined where their district has no service-point data. */
  async pointOf(actor: Pick<Identity, 'unitCode'>): Promise<Point | undefined> {
    return actor.unitCode ? pointOfUnit(actor.unitCode, await this.points()) : undefined;
  }

  /** Whether the caller's point takes the item, and if not the nearest point that does; null where no point applies. */
  async availability(actor: Pick<Identity, 'unitCode'> | undefined, item: { acceptLevels?: readonly ServicePointLevel[] }): Promise<ServicePointAvailability | null> {
    if (!actor) return null;
    const points = await this.points();
    const here = actor.unitCode ? pointOfUnit(actor.unitCode, points) : undefined;
    if (!here) return null;
    if (acceptedAtLevel(item, here.level)) return { acceptedHere: true, pointName: here.name, nearestPointCode: null, nearestPointName: null, hint: null };
    const nearest = nearestPointTaking(here, item, points);
    return {
      acceptedHere: false,
      pointName: here.name,
      nearestPointCode: nearest?.code ?? null,
      nearestPointName: nearest?.name ?? null,
      hint: nearest ? `不在本网点受理，请到${nearest.name}（${nearest.address}）办理` : '不在本网点受理',
    };
  }

  /** Acceptance at a point where the item is not delegated: a typed error naming the nearest point that takes it. */
  async assertMayAccept(actor: Identity, item: { code: string; name: string; acceptLevels?: readonly ServicePointLevel[] }): Promise<void> {
    const found = await this.availability(actor, item);
    if (!found || found.acceptedHere) return;
    throw new ServicePointException(
      ServicePointErrorCode.ITEM_NOT_DELEGATED,
      `「${item.name}」不在本网点（${found.pointName}）受理${found.nearestPointName ? `，请引导群众到${found.nearestPointName}办理` : ''}`,
      { itemCode: item.code, nearestPointCode: found.nearestPointCode, nearestPointName: found.nearestPointName },
    );
  }

  /** The tree of the caller's district (city-level callers: every district under their unit) and what each level takes. */
  async tree(actor: Identity): Promise<ServicePointTree> {
    const prefix = actor.unitCode.slice(0, 6);
    const all = await this.points();
    const points = all.filter((p) => p.code.startsWith(prefix));
    const items = await this.catalog.search(undefined, undefined);
    const here = pointOfUnit(actor.unitCode, all);
    return {
      points: points.map((p) => ({ ...p, levelLabel: SERVICE_POINT_LEVEL_LABELS[p.level] })),
      levels: SERVICE_POINT_LEVELS.map((level) => ({
        level,
        label: SERVICE_POINT_LEVEL_LABELS[level],
        pointCount: points.filter((p) => p.level === level).length,
        items: items
          .filter((i) => acceptedAtLevel(i.item, level))
          .map((i) => ({ code: i.item.code, name: i.item.name, policeType: i.policeType, category: i.item.category })),
      })),
      myPointCode: here?.code ?? null,
    };
  }

  /** Accepted applications per point and per level in a period, inside the caller's jurisdiction. */
  async figures(actor: Identity, from: string, to: string): Promise<ServicePointFigures> {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days >= 0 && days <= 366)) {
      throw new ServicePointException(ServicePointErrorCode.PERIOD_INVALID, '统计区间无效：起始日期不得晚于截止日期，且区间不超过一年', { from, to });
    }
    const scope = jurisdictionOf(actor);
    const all = await this.points();
    const visible = all.filter((p) => p.code.startsWith(actor.unitCode.slice(0, 6)));
    const rows = await this.repo.acceptedPerUnit(scope, from, to);
    const perPoint = countsPerPoint(rows, visible);
    const byType = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const p = pointOfUnit(r.unitCode, visible);
      if (!p) continue;
      const m = byType.get(p.code) ?? new Map<string, number>();
      m.set(r.policeType, (m.get(r.policeType) ?? 0) + r.accepted);
      byType.set(p.code, m);
    }
    const points = visible.map((p) => ({
      pointCode: p.code,
      pointName: p.name,
      level: p.level,
      accepted: perPoint.get(p.code) ?? 0,
      byPoliceType: [...(byType.get(p.code) ?? new Map<string, number>())].map(([policeType, accepted]) => ({ policeType: policeType as PoliceType, accepted })),
    }));
    return {
      from,
      to,
      points,
      levels: SERVICE_POINT_LEVELS.map((level) => ({
        level,
        label: SERVICE_POINT_LEVEL_LABELS[level],
        accepted: points.filter((p) => p.level === level).reduce((a, p) => a + p.accepted, 0),
      })),
      total: points.reduce((a, p) => a + p.accepted, 0),
    };
  }
}
