import type { AcceptanceContext } from '@onewindow/casework';
import { loadCatalogFile, type CatalogItem } from '@onewindow/catalog';
import { Role, type AcceptApplicationCommand, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import type { RpcClient } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { DrivingLicenceEntity } from '../driving-licence/driving-licence.entity.js';
import type { DrivingLicenceRepository } from '../driving-licence/driving-licence.repository.js';
import { TRAFFIC_CATALOG_PATH } from '../traffic.schema.js';
import type { VehicleEntity } from '../vehicle/vehicle.entity.js';
import type { VehicleRepository } from '../vehicle/vehicle.repository.js';
import type { ViolationRepository } from '../violation/violation.repository.js';
import { TrafficRules } from './traffic.rules.js';

/** TrafficRules with the household register (NATS) and the traffic registers stubbed. */
describe('TrafficRules.checkAcceptance', () => {
  const catalog = loadCatalogFile(TRAFFIC_CATALOG_PATH);
  const item = (code: string) => catalog.items.find((i) => i.code === code) as CatalogItem;
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const adult = DEMO_PERSON_IDS.adult;
  const zhangWei: PersonLookupReply = { found: true, idNumber: adult, name: '张伟', sex: 'MALE', birthDate: '1988-04-12', status: 'NORMAL', unitCode: '510107001' };

  const licence = (over: Partial<DrivingLicenceEntity> = {}) =>
    ({ id: 'l1', number: adult, holderName: '张伟', licenceClass: 'C1', firstIssuedOn: '2020-03-15', issuedOn: '2020-03-15', validUntil: '2026-03-15', points: 0, status: 'VALID', ...over }) as DrivingLicenceEntity;

  function rulesWith(opts: { person?: PersonLookupReply; current?: DrivingLicenceEntity | null; latest?: DrivingLicenceEntity | null; vin?: VehicleEntity | null } = {}) {
    const rpc = { calls: 0, request: async () => (rpc.calls++, opts.person ?? zhangWei) };
    const licences = {
      findCurrent: async () => (opts.current === undefined ? licence() : opts.current),
      findLatest: async () => opts.latest ?? null,
    };
    const vehicles = { findCurrentByVin: async () => opts.vin ?? null, findCurrentByOwner: async () => [] };
    const violations = { findForPerson: async () => [], findByPlate: async () => [] };
    const rules = new TrafficRules(
      rpc as unknown as RpcClient,
      { PLATE_PREFIX: '川A' },
      licences as unknown as DrivingLicenceRepository,
      vehicles as unknown as VehicleRepository,
      violations as unknown as ViolationRepository,
    );
    return { rules, rpc };
  }

  const ctx = (code: string, form: Record<string, unknown>, today: string, applicant = adult): AcceptanceContext => ({
    item: item(code),
    command: { idempotencyKey: 'k-spec-0001', itemCode: code, applicantIdNumber: applicant, presentedMaterials: [], form } as AcceptApplicationCommand,
    applicantIdNumber: applicant,
    actor: clerk,
    today,
    manager: {} as EntityManager,
  });
  const renewalForm = (over: Record<string, unknown> = {}) => ({
    applicantName: '张伟', applicantIdNumber: adult, contactPhone: '13800138000', licenceExpiry: '2026-03-15', pickupMethod: '窗口领取', ...over,
  });

  it('refuses renewal more than 90 days before expiry, with the first allowed day', async () => {
    const { rules } = rulesWith();
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm(), '2025-12-14'))).rejects.toMatchObject({
      code: 'RENEWAL_TOO_EARLY', details: { validUntil: '2026-03-15', renewableFrom: '2025-12-15' },
    });
  });

  it('accepts renewal inside the window (the pinned test date 2026-02-10)', async () => {
    const { rules, rpc } = rulesWith();
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm(), '2026-02-10'))).resolves.toEqual({
      applicantName: '张伟',
      applicantPhone: '13800138000',
      details: { licence: { number: adult, licenceClass: 'C1', validUntil: '2026-03-15', renewableFrom: '2025-12-15', overdue: false } },
    });
    expect(rpc.calls).toBe(1);
  });

  it('refuses renewal of a long-term licence, a missing one, and a replacement of a cancelled one', async () => {
    const { licenceExpiry: _expiry, ...replaceForm } = renewalForm();
    await expect(rulesWith({ current: licence({ validUntil: null }) }).rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm(), '2026-02-10'))).rejects.toMatchObject({ code: 'RENEWAL_TOO_EARLY' });
    await expect(rulesWith({ current: null }).rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm(), '2026-02-10'))).rejects.toMatchObject({ code: 'LICENCE_NOT_FOUND' });
    await expect(rulesWith({ current: null, latest: licence({ status: 'CANCELLED' }) }).rules.checkAcceptance(ctx('TR-DL-REPLACE', replaceForm, '2026-02-10'))).rejects.toMatchObject({ code: 'LICENCE_NOT_VALID' });
  });

  it('checks the form before asking the register: wrong expiry, bad phone, unknown field, other person', async () => {
    const { rules, rpc } = rulesWith();
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm({ contactPhone: '12345', extra: 1 }), '2026-02-10'))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'contactPhone' }), expect.objectContaining({ field: 'extra' })],
    });
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm({ applicantIdNumber: DEMO_PERSON_IDS.jinjiang }), '2026-02-10'))).rejects.toMatchObject({ code: 'FORM_INVALID' });
    expect(rpc.calls).toBe(0);
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm({ licenceExpiry: '2026-03-16' }), '2026-02-10'))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'licenceExpiry' })],
    });
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm({ applicantName: '张三' }), '2026-02-10'))).rejects.toMatchObject({ code: 'FORM_INVALID' });
  });

  it('refuses a deceased applicant through the inherited register check', async () => {
    const { rules } = rulesWith({ person: { ...zhangWei, status: 'DECEASED' } });
    await expect(rules.checkAcceptance(ctx('TR-DL-RENEW', renewalForm(), '2026-02-10'))).rejects.toMatchObject({ code: 'PERSON_DECEASED' });
  });

  it('vehicle registration: VIN format, an organisation owner, a VIN already registered', async () => {
    const form = (over: Record<string, unknown> = {}) => ({
      ownerName: '张伟', ownerIdNumber: adult, contactPhone: '13800138000', vin: 'LSVAU2180N2999999', vehicleType: '小型汽车', plateSelection: '随机选号', ...over,
    });
    await expect(rulesWith().rules.checkAcceptance(ctx('TR-VEH-REGISTER', form({ vin: 'LSVAU2180N29999O9' }), '2026-02-10'))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'vin' })],
    });
    await expect(rulesWith().rules.checkAcceptance(ctx('TR-VEH-REGISTER', form({ ownerName: '福建某某有限公司', ownerIdNumber: '91350100M000100Y43' }), '2026-02-10'))).resolves.toMatchObject({
      applicantName: '张伟', details: { vin: 'LSVAU2180N2999999' },
    });
    await expect(rulesWith({ vin: { plateNumber: '川A62C95' } as VehicleEntity }).rules.checkAcceptance(ctx('TR-VEH-REGISTER', form(), '2026-02-10'))).rejects.toMatchObject({
      code: 'VEHICLE_ALREADY_REGISTERED',
    });
  });
});
