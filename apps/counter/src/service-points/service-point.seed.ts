import type { ServicePointLevel } from '@onewindow/catalog';

export interface ServicePointSeed {
  code: string;
  name: string;
  level: ServicePointLevel;
  parentCode: string | null;
  address: string;
  openingHours: string;
}

// Seed 000 (武侯区, 2019): extended hours at the district hall — lunch 12:00–13:00, Saturdays.
const HALL_HOURS = '工作日 9:00–17:00（12:00–13:00 延时服务不午休），周六 9:00–17:00；小长假最后一天、长假后4天延时服务';
const STREET_HOURS = '工作日 9:00–12:00，13:00–17:00';
const COMMUNITY_HOURS = '工作日 9:00–12:00，14:00–17:30';

const STREETS: [string, string][] = [
  ['001', '浆洗街'], ['002', '望江路'], ['003', '玉林'], ['004', '跳伞塔'], ['005', '火车南站'], ['006', '双楠'],
  ['007', '晋阳'], ['008', '红牌楼'], ['009', '簇桥'], ['010', '机投桥'], ['011', '簇锦'], ['012', '华兴'],
];

/**
 * 三级窗口 of 武侯区 (seed 000): the district hall (区政务服务中心公安窗口), 12 成都公安一站式服务办证点
 * in street 便民服务中心 and 2 in community 综合服务中心 — 14 points under the hall. A street point's
 * code is its police station's code + '1'; a community point's is its street point's + '01'.
 */
export const WUHOU_SERVICE_POINTS: readonly ServicePointSeed[] = [
  { code: '510107', name: '武侯区政务服务中心公安窗口', level: 'DISTRICT_HALL', parentCode: null, address: '成都市武侯区政务服务中心一楼公安综合窗口', openingHours: HALL_HOURS },
  ...STREETS.map(([station, street]): ServicePointSeed => ({
    code: `510107${station}1`,
    name: `${street}街道公安一站式服务办证点`,
    level: 'STREET',
    parentCode: '510107',
    address: `成都市武侯区${street}街道便民服务中心`,
    openingHours: STREET_HOURS,
  })),
  { code: '510107001101', name: '洗面桥社区公安服务点', level: 'COMMUNITY', parentCode: '5101070011', address: '成都市武侯区浆洗街街道洗面桥社区综合服务中心', openingHours: COMMUNITY_HOURS },
  { code: '510107003101', name: '玉林北路社区公安服务点', level: 'COMMUNITY', parentCode: '5101070031', address: '成都市武侯区玉林街道玉林北路社区综合服务中心', openingHours: COMMUNITY_HOURS },
];
