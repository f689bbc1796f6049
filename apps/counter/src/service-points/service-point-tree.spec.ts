import { countsPerPoint, nearestPointTaking, pointOfUnit, type PointNode } from './service-point-tree.js';
import { WUHOU_SERVICE_POINTS } from './service-point.seed.js';

const points: PointNode[] = [...WUHOU_SERVICE_POINTS];
const byCode = (c: string) => points.find((p) => p.code === c)!;

describe('三级窗口 tree', () => {
  it('seeds the hall, 12 street points and 2 community points, each nested under its parent code', () => {
    expect(points.filter((p) => p.level === 'DISTRICT_HALL')).toHaveLength(1);
    expect(points.filter((p) => p.level === 'STREET')).toHaveLength(12);
    expect(points.filter((p) => p.level === 'COMMUNITY')).toHaveLength(2);
    for (const p of points) if (p.parentCode) expect(p.code.startsWith(p.parentCode)).toBe(true);
  });

  it("finds the clerk's point by unit code, else the longest prefix, else none", () => {
    expect(pointOfUnit('510107001101', points)?.name).toBe('洗面桥社区公安服务点');
    expect(pointOfUnit('5101070011', points)?.level).toBe('STREET');
    // A police station's clerk works at the district hall.
    expect(pointOfUnit('510107001', points)?.code).toBe('510107');
    expect(pointOfUnit('510104002', points)).toBeUndefined();
  });

  it('sends the citizen up the tree: the community itself, its street point, then the hall', () => {
    const community = byCode('510107001101');
    expect(nearestPointTaking(community, { acceptLevels: ['DISTRICT_HALL', 'STREET', 'COMMUNITY'] }, points)?.code).toBe('510107001101');
    expect(nearestPointTaking(community, { acceptLevels: ['DISTRICT_HALL', 'STREET'] }, points)?.code).toBe('5101070011');
    expect(nearestPointTaking(community, { acceptLevels: ['DISTRICT_HALL'] }, points)?.code).toBe('510107');
    // An item published before acceptLevels existed is taken at the hall only.
    expect(nearestPointTaking(byCode('5101070031'), {}, points)?.code).toBe('510107');
    expect(nearestPointTaking(byCode('510107'), { acceptLevels: ['DISTRICT_HALL'] }, points)?.code).toBe('510107');
  });

  it("counts each unit's acceptances at its point; units outside the tree are left out", () => {
    const counts = countsPerPoint(
      [{ unitCode: '510107001', accepted: 3 }, { unitCode: '510107', accepted: 1 }, { unitCode: '510107001101', accepted: 2 }, { unitCode: '510104002', accepted: 9 }],
      points,
    );
    expect(counts.get('510107')).toBe(4);
    expect(counts.get('510107001101')).toBe(2);
    expect(counts.get('5101070011')).toBe(0);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(6);
  });
});
