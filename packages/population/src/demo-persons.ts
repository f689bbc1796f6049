// Fixed demo persons, seeded in demo AND test mode so that demos and integration tests can rely on
// them. ID numbers are built with buildIdNumber (valid check codes) and use sequence numbers 9xx,
// which the synthetic population never reaches (it scatters from 001 and rarely passes 100 per
// day), so the two never collide. Household numbers use the 9xxxxx range of their station for the
// same reason. Household seeds them into its register; other services seed their own records for
// them and tests refer to them: everyone imports them from '@onewindow/population', never from a
// service.
import { buildIdNumber } from '@onewindow/id-number';

export const DEMO_UNITS = { jiangxijie: '510107001', chunxilu: '510104002' } as const;

export interface DemoPerson {
  idNumber: string;
  name: string;
  sex: 'MALE' | 'FEMALE';
  ethnicity: string;
  birthDate: string;
  phone: string | null;
  householdNumber: string;
  relationToHead: string;
  status: 'NORMAL' | 'MOVED_OUT' | 'DECEASED';
  deceasedOn: string | null;
  unitCode: string;
}

export interface DemoHousehold {
  householdNumber: string;
  address: string;
  unitCode: string;
  headIdNumber: string;
}

export interface DemoIdCard {
  idNumber: string;
  issuedOn: string;
  /** null = long-term. */
  validUntil: string | null;
}

const id = (regionCode: string, birthDate: string, sequence: number) => buildIdNumber({ regionCode, birthDate, sequence });

/** The ID numbers tests use. */
export const DEMO_PERSON_IDS = {
  /** 张伟, male, born 1988-04-12, phone 13800138000, 510107001, holds a valid 20-year card: the ID-card replacement story. */
  adult: id('510107', '1988-04-12', 913),
  /** 李秀英, female, born 1936-02-08 (abolished address code 510102), DECEASED on 2024-11-20. */
  deceased: id('510102', '1936-02-08', 924),
  /** 王子涵, boy born 2016-05-01 (10 from 2026-05-01; a minor until 2034), no ID card yet; household with both parents. */
  minor: id('510107', '2016-05-01', 917),
  /** 王建国, the minor's father and head of household, phone 13800138001. */
  minorFather: id('510107', '1983-09-23', 915),
  /** 刘芳, the minor's mother, phone 13800138002. */
  minorMother: id('510104', '1985-12-02', 926),
  /** 陈静, female, born 1992-08-18, registered in 510104002 (锦江区春熙路派出所), phone 13900139000. */
  jinjiang: id('510104', '1992-08-18', 928),
  /** 赵国强, male, born 1949-10-01, living, phone 13800138004: tests register his death. */
  toDie: id('510107', '1949-10-01', 919),
  /** 孙桂兰, 赵国强's wife, phone 13800138003: the declarant of his death. */
  toDieSpouse: id('510107', '1952-03-15', 930),
  /** 周杰, male, born 1995-07-07, MOVED_OUT of 510107001. */
  movedOut: id('510107', '1995-07-07', 921),
} as const;

const ADDR = {
  zhang: '四川省成都市武侯区浆洗街街道洗面桥街18号2栋3单元401号',
  li: '四川省成都市武侯区浆洗街街道锦里西路22号1栋2单元302号',
  wang: '四川省成都市武侯区浆洗街街道南浦西路7号3栋1单元602号',
  chen: '四川省成都市锦江区春熙路街道红星路三段16号4栋2单元1103号',
  zhao: '四川省成都市武侯区浆洗街街道高升桥路5号1栋1单元201号',
  zhou: '四川省成都市武侯区浆洗街街道浆洗街9号2栋2单元502号',
};

export const DEMO_HOUSEHOLDS: readonly DemoHousehold[] = [
  { householdNumber: '510107001900001', address: ADDR.zhang, unitCode: DEMO_UNITS.jiangxijie, headIdNumber: DEMO_PERSON_IDS.adult },
  { householdNumber: '510107001900002', address: ADDR.li, unitCode: DEMO_UNITS.jiangxijie, headIdNumber: DEMO_PERSON_IDS.deceased },
  { householdNumber: '510107001900003', address: ADDR.wang, unitCode: DEMO_UNITS.jiangxijie, headIdNumber: DEMO_PERSON_IDS.minorFather },
  { householdNumber: '510104002900001', address: ADDR.chen, unitCode: DEMO_UNITS.chunxilu, headIdNumber: DEMO_PERSON_IDS.jinjiang },
  { householdNumber: '510107001900004', address: ADDR.zhao, unitCode: DEMO_UNITS.jiangxijie, headIdNumber: DEMO_PERSON_IDS.toDie },
  { householdNumber: '510107001900005', address: ADDR.zhou, unitCode: DEMO_UNITS.jiangxijie, headIdNumber: DEMO_PERSON_IDS.movedOut },
];

const person = (p: Omit<DemoPerson, 'ethnicity' | 'status' | 'deceasedOn' | 'unitCode'> & Partial<DemoPerson>): DemoPerson => ({
  ethnicity: '汉族',
  status: 'NORMAL',
  deceasedOn: null,
  unitCode: p.householdNumber.slice(0, 9),
  ...p,
});

export const DEMO_PERSONS: readonly DemoPerson[] = [
  person({ idNumber: DEMO_PERSON_IDS.adult, name: '张伟', sex: 'MALE', birthDate: '1988-04-12', phone: '13800138000', householdNumber: '510107001900001', relationToHead: '户主' }),
  person({ idNumber: DEMO_PERSON_IDS.deceased, name: '李秀英', sex: 'FEMALE', birthDate: '1936-02-08', phone: null, householdNumber: '510107001900002', relationToHead: '户主', status: 'DECEASED', deceasedOn: '2024-11-20' }),
  person({ idNumber: DEMO_PERSON_IDS.minorFather, name: '王建国', sex: 'MALE', birthDate: '1983-09-23', phone: '13800138001', householdNumber: '510107001900003', relationToHead: '户主' }),
  person({ idNumber: DEMO_PERSON_IDS.minorMother, name: '刘芳', sex: 'FEMALE', birthDate: '1985-12-02', phone: '13800138002', householdNumber: '510107001900003', relationToHead: '配偶' }),
  // Children under 16 carry a guardian's number as their contact (as in the synthetic population).
  person({ idNumber: DEMO_PERSON_IDS.minor, name: '王子涵', sex: 'MALE', birthDate: '2016-05-01', phone: '13800138001', householdNumber: '510107001900003', relationToHead: '子' }),
  person({ idNumber: DEMO_PERSON_IDS.jinjiang, name: '陈静', sex: 'FEMALE', birthDate: '1992-08-18', phone: '13900139000', householdNumber: '510104002900001', relationToHead: '户主' }),
  person({ idNumber: DEMO_PERSON_IDS.toDie, name: '赵国强', sex: 'MALE', birthDate: '1949-10-01', phone: '13800138004', householdNumber: '510107001900004', relationToHead: '户主' }),
  person({ idNumber: DEMO_PERSON_IDS.toDieSpouse, name: '孙桂兰', sex: 'FEMALE', birthDate: '1952-03-15', phone: '13800138003', householdNumber: '510107001900004', relationToHead: '配偶' }),
  person({ idNumber: DEMO_PERSON_IDS.movedOut, name: '周杰', sex: 'MALE', birthDate: '1995-07-07', phone: '13800138005', householdNumber: '510107001900005', relationToHead: '户主', status: 'MOVED_OUT' }),
];

/** Valid resident ID cards on record (validity by age at issue: 28 → 20 years, 26 → 20 years, 55 → long-term). */
export const DEMO_ID_CARDS: readonly DemoIdCard[] = [
  { idNumber: DEMO_PERSON_IDS.adult, issuedOn: '2016-05-20', validUntil: '2036-05-20' },
  { idNumber: DEMO_PERSON_IDS.jinjiang, issuedOn: '2018-09-01', validUntil: '2038-09-01' },
  { idNumber: DEMO_PERSON_IDS.toDie, issuedOn: '2005-03-01', validUntil: null },
  { idNumber: DEMO_PERSON_IDS.minorFather, issuedOn: '2012-07-10', validUntil: '2032-07-10' },
  { idNumber: DEMO_PERSON_IDS.minorMother, issuedOn: '2013-03-18', validUntil: '2033-03-18' },
  { idNumber: DEMO_PERSON_IDS.toDieSpouse, issuedOn: '2008-06-06', validUntil: null },
];
