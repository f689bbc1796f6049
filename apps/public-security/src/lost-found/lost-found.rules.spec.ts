import { Role, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { deathFollowUpResult } from '../death-follow-up/death-follow-up.worker.js';
import { disposalMethodFor, FOUND_ITEM_CATEGORIES } from './lost-found.constants.js';
import type { FoundItemClaimEntity, FoundItemEntity, LostReportEntity } from './lost-found.entity.js';
import { toFoundItem } from './lost-found.mapper.js';
import { refusalOf } from './lost-found.service.js';

const OWNER = '510107198804129130';
const OTHER = '51010419920818928X';
const who = (roles: Role[], policeType?: string): Identity =>
  ({ sub: 'u', username: 'u', displayName: '王窗口', roles, policeType, unitCode: '510107001', unitName: 'x' }) as Identity;
const living: PersonLookupReply = { found: true, idNumber: OWNER, name: '张伟', status: 'NORMAL' };

describe('claims: who may take an item home', () => {
  const report = (reporterIdNumber: string | null) => ({ reporterIdNumber }) as LostReportEntity;

  it('returns to a living person on the register who is the reporter, or when the report names nobody', () => {
    expect(refusalOf(living, OWNER, report(OWNER))).toBeNull();
    expect(refusalOf(living, OWNER, report(null))).toBeNull();
    expect(refusalOf(living, OWNER, null)).toBeNull();
    expect(refusalOf({ ...living, status: 'MOVED_OUT' }, OWNER, null)).toBeNull();
  });

  it('refuses the unknown, the deceased and anyone but the reporter', () => {
    expect(refusalOf({ found: false, idNumber: OWNER }, OWNER, null)?.code).toBe('CLAIMANT_NOT_ON_REGISTER');
    expect(refusalOf({ ...living, status: 'DECEASED' }, OWNER, null)?.code).toBe('CLAIMANT_DECEASED');
    expect(refusalOf({ ...living, idNumber: OTHER }, OTHER, report(OWNER))?.code).toBe('CLAIMANT_MISMATCH');
    expect(refusalOf({ found: false, idNumber: OWNER }, OWNER, null)?.message).toContain('510107********9130');
  });
});

describe('disposal and death follow-up wording', () => {
  it('every category has a disposal method; cash to the treasury, documents to the issuer', () => {
    expect(FOUND_ITEM_CATEGORIES.map(disposalMethodFor)).toHaveLength(FOUND_ITEM_CATEGORIES.length);
    expect(disposalMethodFor('WALLET')).toBe('STATE_TREASURY');
    expect(disposalMethodFor('ID_DOCUMENT')).toBe('RETURNED_TO_ISSUER');
    expect(disposalMethodFor('KEYS')).toBe('HANDLED_BY_LAW');
  });

  it('reports the permits taken out of use in Chinese, without names or numbers of persons', () => {
    expect(deathFollowUpResult([])).toBe('名下无有效治安许可证，无需处理');
    expect(deathFollowUpResult([{ label: '保安员证', to: 'CANCELLED' }, { label: '特种行业许可证（旅馆业）', to: 'UNDER_REVIEW' }])).toBe(
      '名下许可证2项已转入核查（注销保安员证1项，单位许可证1项待变更法定代表人）',
    );
  });
});

describe('found items are masked by role and always in lists', () => {
  const item = {
    id: 'i1', number: 'SW20260310000001', category: 'WALLET', description: '黑色钱包', foundOn: '2026-03-09', foundPlace: '锦里', handedInBy: 'SANITATION',
    batchReference: 'HW-1', storagePlace: '浆洗街派出所', storageSlot: 'A-1', status: 'CLAIMED', noticePublishedOn: '2026-03-10', retentionUntil: '2027-03-10',
    retentionProvisional: true, unitCode: '510107001', registeredByName: '王窗口', matchedReportId: 'r1', disposalMethod: null, disposedOn: null,
  } as unknown as FoundItemEntity;
  const report = { id: 'r1', category: 'WALLET', description: '黑色钱包', reporterName: '张伟', reporterIdNumber: OWNER, phone: '13800138000', status: 'CLOSED', createdAt: new Date(), unitCode: '510107001', filedByName: 'x' } as unknown as LostReportEntity;
  const claim = { id: 'c1', foundItemId: 'i1', claimantIdNumber: OWNER, claimantName: '张伟', claimantPhone: '13800138000', status: 'RETURNED', createdAt: new Date(), unitCode: '510107001' } as unknown as FoundItemClaimEntity;
  const view = { item, report, claims: [claim], history: [] };

  it('clerks see masked claimant data; public-security officers and supervisors see it in full', () => {
    const clerk = toFoundItem(view, who([Role.CLERK]));
    expect(clerk.claims[0]).toMatchObject({ claimantIdNumber: '510107********9130', claimantName: '张*', claimantPhone: '138****8000' });
    expect(clerk.matchedReport).toMatchObject({ phone: '138****8000', reporterIdNumber: '510107********9130', reporterName: '张*' });
    expect(toFoundItem(view, who([Role.OFFICER], 'PUBLIC_SECURITY')).claims[0]).toMatchObject({ claimantIdNumber: OWNER, claimantPhone: '13800138000' });
    expect(toFoundItem(view, who([Role.OFFICER], 'TRAFFIC')).claims[0]?.claimantPhone).toBe('138****8000');
    expect(toFoundItem(view, who([Role.SUPERVISOR])).matchedReport?.phone).toBe('13800138000');
  });

  it('lists are masked for supervisors too', () => {
    expect(toFoundItem(view, who([Role.SUPERVISOR]), { list: true }).claims[0]?.claimantIdNumber).toBe('510107********9130');
    expect(toFoundItem(view, who([Role.CLERK])).categoryLabel).toBe('钱包');
  });
});
