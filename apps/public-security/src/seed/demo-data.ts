// Fixed demo data of the public-security service, seeded in demo AND test mode (tests rely on it)
// and idempotently: rows that exist are left alone, so a permit a demo user (or a death follow-up)
// changed is not reset on reboot. Permit numbers use the 9xxxxx range, which the register's
// sequence does not reach. Demo mode also gets a sanitation batch on the notice board.
import { DEMO_PERSON_IDS } from '@onewindow/population';
import type { NewPermit } from '../permit/permit.repository.js';

export const DEMO_UNIT = { code: '510107001', name: '成都市公安局武侯区分局浆洗街派出所' } as const;

/** 成都锦里客栈有限公司: a valid GB 32100 code (check character 7). */
export const DEMO_HOTEL_CREDIT_CODE = '91510107MA6C9JL017';

/** A permit of the demo register: a register row without its unit and application. */
export interface DemoPermit extends Omit<NewPermit, 'kind' | 'holderKind' | 'unitCode' | 'applicationNumber'> {
  kind: 'SECURITY_GUARD' | 'HOTEL';
  holderKind: 'PERSON' | 'COMPANY';
}

/**
 * 赵国强 (DEMO_PERSON_IDS.toDie) holds a security guard certificate and is the legal
 * representative of a hotel: when household registers his death, the DEATH_FOLLOW_UP cancels the
 * certificate and puts the hotel licence under review ("名下许可证2项已转入核查").
 */
export const DEMO_PERMITS: readonly DemoPermit[] = [
  {
    number: 'BA2015900001', kind: 'SECURITY_GUARD', holderKind: 'PERSON', holderIdNumber: DEMO_PERSON_IDS.toDie, holderCreditCode: null,
    holderName: '赵国强', legalRepIdNumber: null, address: null, issuedOn: '2015-06-01', validUntil: null,
  },
  {
    number: 'LG2019900001', kind: 'HOTEL', holderKind: 'COMPANY', holderIdNumber: null, holderCreditCode: DEMO_HOTEL_CREDIT_CODE,
    holderName: '成都锦里客栈有限公司', legalRepIdNumber: DEMO_PERSON_IDS.toDie, address: '四川省成都市武侯区浆洗街街道锦里西路8号', issuedOn: '2019-04-10', validUntil: null,
  },
];

/** Demo mode only: what the sanitation department handed in this week. */
export const DEMO_SANITATION_BATCH = {
  reference: 'HW-DEMO-0001',
  handedInByName: '武侯区环卫所清扫一队',
  storagePlace: '浆洗街派出所失物招领窗口',
  items: [
    { category: 'WALLET', description: '黑色皮质钱包，内有现金若干及银行卡两张', foundPlace: '锦里西路公交站', daysAgo: 3, slot: 'A-01' },
    { category: 'KEYS', description: '钥匙一串（4把），挂蓝色熊猫挂件', foundPlace: '洗面桥街垃圾收集点', daysAgo: 2, slot: 'A-02' },
    { category: 'PHONE', description: '白色手机一部，透明手机壳', foundPlace: '高升桥路人行道', daysAgo: 1, slot: 'A-03' },
  ],
} as const;
