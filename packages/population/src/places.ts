// Address material. Districts of the places in the seed reports have their own street (街道/镇)
// and road names; any other district falls back to its province and generic names. A police
// station's unit code (district code + 3 digits) selects the street it covers.

import type { Random } from './random.js';

interface DistrictPlaces {
  /** Province + city + district, e.g. 四川省成都市武侯区. */
  prefix: string;
  streets: readonly string[];
  roads: readonly string[];
}

const DISTRICTS: Readonly<Record<string, DistrictPlaces>> = {
  '510104': {
    prefix: '四川省成都市锦江区',
    streets: ['春熙路街道', '书院街街道', '合江亭街道', '水井坊街道', '牛市口街道', '督院街街道',
      '盐市口街道', '龙舟路街道', '沙河街道', '东光街道', '狮子山街道', '成龙路街道', '柳江街道', '三圣街道'],
    roads: ['红星路', '东大街', '总府路', '书院街', '天仙桥北路', '水井街', '牛沙路', '静沙南路', '东光街'],
  },
  '510105': {
    prefix: '四川省成都市青羊区',
    streets: ['少城街道', '草市街街道', '西御河街道', '汪家拐街道', '东坡街道', '府南街道', '光华街道',
      '金沙街道', '黄田坝街道', '苏坡街道', '文家街道'],
    roads: ['长顺上街', '琴台路', '青华路', '光华大道', '二环路西一段', '金阳路', '清江中路', '过街楼街'],
  },
  '510106': {
    prefix: '四川省成都市金牛区',
    streets: ['西安路街道', '西华街道', '人民北路街道', '荷花池街道', '驷马桥街道', '茶店子街道',
      '抚琴街道', '九里堤街道', '五块石街道', '营门口街道', '金泉街道', '沙河源街道'],
    roads: ['一品天下大街', '蜀汉路', '人民北路', '营门口路', '沙湾路', '抚琴西路', '金府路', '交大路'],
  },
  '510107': {
    prefix: '四川省成都市武侯区',
    streets: ['浆洗街街道', '望江路街道', '玉林街道', '跳伞塔街道', '火车南站街道', '簇桥街道',
      '机投桥街道', '晋阳街道', '红牌楼街道', '簇锦街道', '华兴街道', '金花桥街道'],
    roads: ['武侯祠大街', '洗面桥街', '高升桥路', '一环路南四段', '玉林北路', '玉林南路', '人民南路四段',
      '科华北路', '红牌楼路', '佳灵路', '龙腾中路', '广福桥街', '芳草街', '倪家桥路', '磨子桥路'],
  },
  '510108': {
    prefix: '四川省成都市成华区',
    streets: ['猛追湾街道', '双桥子街道', '府青路街道', '二仙桥街道', '跳蹬河街道', '万年场街道',
      '建设路街道', '保和街道', '龙潭街道', '白莲池街道', '青龙街道', '双水碾街道'],
    roads: ['建设路', '双林路', '府青路', '二仙桥东路', '杉板桥路', '万年场路', '崔家店路', '猛追湾街'],
  },
  '440104': {
    prefix: '广东省广州市越秀区',
    streets: ['北京街道', '人民街道', '东山街道', '农林街道', '梅花村街道', '黄花岗街道', '大塘街道',
      '洪桥街道', '六榕街道', '光塔街道'],
    roads: ['北京路', '中山五路', '东风东路', '环市东路', '农林下路', '越秀北路', '文德路', '解放北路'],
  },
  '440106': {
    prefix: '广东省广州市天河区',
    streets: ['天河南街道', '林和街道', '沙河街道', '五山街道', '员村街道', '车陂街道', '石牌街道',
      '冼村街道', '猎德街道', '天园街道'],
    roads: ['天河路', '体育东路', '天河北路', '中山大道西', '黄埔大道西', '五山路', '员村二横路', '石牌西路'],
  },
  '370211': {
    prefix: '山东省青岛市黄岛区',
    streets: ['黄岛街道', '辛安街道', '薛家岛街道', '灵珠山街道', '长江路街道', '红石崖街道', '灵山卫街道',
      '隐珠街道', '珠海街道', '滨海街道', '王台镇', '六汪镇'],
    roads: ['长江中路', '井冈山路', '武夷山路', '珠江路', '嘉陵江路', '峨眉山路', '香江路', '黄河中路'],
  },
  '371122': {
    prefix: '山东省日照市莒县',
    streets: ['城阳街道', '店子集街道', '陵阳街道', '招贤镇', '夏庄镇', '刘家官庄镇', '峤山镇', '小店镇',
      '龙山镇', '东莞镇', '长岭镇', '桑园镇'],
    roads: ['振兴路', '青年路', '城阳路', '文心路', '沭河路', '浮来路'],
  },
  '610522': {
    prefix: '陕西省渭南市潼关县',
    streets: ['城关街道', '太要镇', '秦东镇', '桐峪镇', '代字营镇', '安乐镇'],
    roads: ['风陵路', '金盆路', '潼河路', '新城路', '东大街', '吊桥路'],
  },
};

const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省', '31': '上海市', '32': '江苏省', '33': '浙江省',
  '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省', '41': '河南省', '42': '湖北省',
  '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省', '50': '重庆市', '51': '四川省',
  '52': '贵州省', '53': '云南省', '54': '西藏自治区', '61': '陕西省', '62': '甘肃省', '63': '青海省',
  '64': '宁夏回族自治区', '65': '新疆维吾尔自治区', '71': '台湾省', '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

const GENERIC_STREETS = ['城关街道', '东城街道', '西城街道', '南城街道', '北城街道', '新华街道', '人民路街道', '和平街道'];
const GENERIC_ROADS = ['人民路', '解放路', '中山路', '建设路', '新华路', '胜利路', '和平路', '文化路', '东风路',
  '青年路', '滨河路', '朝阳路', '育才路', '光明路'];
const COMMUNITIES = ['锦绣', '和平', '幸福', '新华', '光明', '民主', '建设', '红旗', '团结', '长青', '桂花', '芳草',
  '龙江', '金沙', '青华', '望江', '锦城', '翠苑', '紫荆', '双楠', '丽都', '南桥', '西园', '文昌'];
const VILLAGES = ['王家', '李家', '张家', '刘家', '杨家', '新庄', '东岭', '西沟', '南塬', '北坡', '河湾', '柳树',
  '杨庄', '马家', '高桥', '石门', '双河', '青龙', '白马', '桃园'];

/** The place a police station covers, resolved once per unit code. */
export interface UnitPlace {
  /** Province … district + the station's street, e.g. 四川省成都市武侯区浆洗街街道. */
  prefix: string;
  roads: readonly string[];
  /** A 镇 (town): part of the households live in villages. */
  town: boolean;
}

export function resolveUnitPlace(unitCode: string): UnitPlace {
  const district = DISTRICTS[unitCode.slice(0, 6)];
  const stationNumber = Number(unitCode.slice(6)) || 1;
  const streets = district?.streets ?? GENERIC_STREETS;
  const street = streets[(stationNumber - 1) % streets.length]!;
  const regionPrefix = district?.prefix ?? PROVINCES[unitCode.slice(0, 2)] ?? '';
  return { prefix: regionPrefix + street, roads: district?.roads ?? GENERIC_ROADS, town: street.endsWith('镇') };
}

export function drawAddress(random: Random, place: UnitPlace): string {
  if (place.town && random.chance(0.6)) {
    return `${place.prefix}${random.pick(VILLAGES)}村${random.int(1, 12)}组${random.int(1, 120)}号`;
  }
  const floor = random.chance(0.7) ? random.int(1, 7) : random.int(8, 33);
  return (
    `${place.prefix}${random.pick(COMMUNITIES)}社区${random.pick(place.roads)}${random.int(1, 300)}号` +
    `${random.int(1, 30)}栋${random.int(1, 6)}单元${floor * 100 + random.int(1, 4)}号`
  );
}

/** Address codes of people who moved in, used for ID numbers when the caller gives none. */
export const MIGRANT_REGION_CODES: readonly string[] = [
  '510104', '510105', '510106', '510108', '510112', '510116', '510121', '510181', '510302', '510504',
  '510603', '510704', '511002', '511102', '511302', '511502', '511602', '511702', '512002', '513401',
  '513301', '500101', '500103', '500112', '530102', '520102', '420106', '610113', '620102', '440106',
];

/**
 * 成都市东城区 and 西城区, abolished in 1990: people born there before keep these codes for life,
 * which is why validators must not check county codes against today's list.
 */
export const ABOLISHED_REGION_CODES: readonly string[] = ['510102', '510103'];
export const ABOLISHED_REGION_CODES_UNTIL = '1990-01-01';
