/**
 * The police units (单位) the platform knows by code: city bureau (4 digits), district or county
 * bureau (6), police station (9). One place for their names, so no screen shows a bare code such
 * as 510107001. The list covers the demo region and the places of the seed reports; a deployment
 * replaces it with the bureau's own unit table.
 */
export interface PoliceUnit {
  /** Unit code (辖区单位代码); jurisdiction nests by prefix. */
  code: string;
  /** Full name, e.g. 成都市公安局武侯区分局浆洗街派出所. */
  name: string;
  /** The name within its parent, e.g. 浆洗街派出所. */
  shortName: string;
  /** Stations only: 城区 (URBAN) or 农村地区 (RURAL) — decides e.g. the home-visit period (seed 004: 5 / 10 working days). */
  unitType?: PoliceUnitType;
}

export type PoliceUnitType = 'URBAN' | 'RURAL';

const CITY = '成都市公安局';

export const POLICE_UNITS: readonly PoliceUnit[] = [
  { code: '5101', name: CITY, shortName: CITY },
  { code: '510104', name: `${CITY}锦江区分局`, shortName: '锦江区分局' },
  { code: '510104002', name: `${CITY}锦江区分局春熙路派出所`, shortName: '春熙路派出所', unitType: 'URBAN' },
  { code: '510104005', name: `${CITY}锦江区分局牛市口派出所`, shortName: '牛市口派出所', unitType: 'URBAN' },
  { code: '510105', name: `${CITY}青羊区分局`, shortName: '青羊区分局' },
  { code: '510106', name: `${CITY}金牛区分局`, shortName: '金牛区分局' },
  { code: '510107', name: `${CITY}武侯区分局`, shortName: '武侯区分局' },
  { code: '510107001', name: `${CITY}武侯区分局浆洗街派出所`, shortName: '浆洗街派出所', unitType: 'URBAN' },
  { code: '510107002', name: `${CITY}武侯区分局望江路派出所`, shortName: '望江路派出所', unitType: 'URBAN' },
  { code: '510107003', name: `${CITY}武侯区分局玉林派出所`, shortName: '玉林派出所', unitType: 'URBAN' },
  { code: '510108', name: `${CITY}成华区分局`, shortName: '成华区分局' },
  { code: '3711', name: '日照市公安局', shortName: '日照市公安局' },
  { code: '371122', name: '莒县公安局', shortName: '莒县公安局' },
  { code: '371122004', name: '莒县公安局招贤派出所', shortName: '招贤派出所', unitType: 'RURAL' },
  { code: '6105', name: '渭南市公安局', shortName: '渭南市公安局' },
  { code: '610522', name: '潼关县公安局', shortName: '潼关县公安局' },
  { code: '610522002', name: '潼关县公安局太要派出所', shortName: '太要派出所', unitType: 'RURAL' },
];

const BY_CODE: ReadonlyMap<string, PoliceUnit> = new Map(POLICE_UNITS.map((u) => [u.code, u]));

export function findPoliceUnit(code: string | null | undefined): PoliceUnit | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

/**
 * A unit's name for people: its full name, or — for a code not in the table — the nearest known
 * parent's name with the code (e.g. 成都市公安局武侯区分局（单位代码 510107009）).
 */
export function policeUnitName(code: string): string {
  const unit = BY_CODE.get(code);
  if (unit) return unit.name;
  for (let n = code.length - 1; n >= 4; n--) {
    const parent = BY_CODE.get(code.slice(0, n));
    if (parent) return `${parent.name}（单位代码 ${code}）`;
  }
  return `单位代码 ${code}`;
}

/** A station's unit type (城区 / 农村地区), or undefined for a unit that is not a known station. */
export function stationUnitType(code: string): PoliceUnitType | undefined {
  return BY_CODE.get(code)?.unitType;
}
