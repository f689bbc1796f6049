import { loadCatalogFile, type CatalogItem } from '@onewindow/catalog';
import { buildIdNumber } from '@onewindow/id-number';
import { PUBLIC_SECURITY_CATALOG_PATH } from '../public-security.schema.js';
import { DEMO_HOTEL_CREDIT_CODE } from '../seed/demo-data.js';
import { checkBusinessFields, checkForm } from './form-check.js';

describe('public-security form checks', () => {
  const TODAY = '2026-03-10';
  const catalog = loadCatalogFile(PUBLIC_SECURITY_CATALOG_PATH);
  const item = (code: string) => catalog.items.find((i) => i.code === code) as CatalogItem;
  const legalRep = buildIdNumber({ regionCode: '510107', birthDate: '1980-05-06', sequence: 123 });
  const minor = buildIdNumber({ regionCode: '510107', birthDate: '2010-05-06', sequence: 124 });
  const hotelForm = (over: Record<string, unknown> = {}) => ({
    unitName: '成都锦里客栈有限公司', unitCreditCode: DEMO_HOTEL_CREDIT_CODE, legalRepName: '赵国强', legalRepIdNumber: legalRep,
    contactPhone: '13800138004', premisesAddress: '四川省成都市武侯区锦里西路8号', roomCount: 20, bedCount: 36, ...over,
  });
  const check = (code: string, form: Record<string, unknown>, applicant = legalRep) => {
    const fields = item(code).formFields;
    const typed = checkForm(fields, form, TODAY);
    return [...typed, ...checkBusinessFields(fields, form, TODAY, applicant, new Set(typed.map((p) => p.field)))];
  };
  const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

  it('accepts a complete hotel licence form', () => {
    expect(check('PS-HOTEL-LICENCE', hotelForm())).toEqual([]);
  });

  it('checks the credit code, the legal representative, the address and the counts', () => {
    const problems = check('PS-HOTEL-LICENCE', hotelForm({ unitCreditCode: '91510107MA6C9JL018', legalRepIdNumber: minor, premisesAddress: '锦里', bedCount: 10 }));
    expect(fieldsOf(problems)).toEqual(['bedCount', 'legalRepIdNumber', 'premisesAddress', 'unitCreditCode']);
    expect(problems.find((p) => p.field === 'unitCreditCode')?.problems).toEqual(['统一社会信用代码校验位不正确，请核对']);
    expect(problems.find((p) => p.field === 'legalRepIdNumber')?.label).toBe('负责人公民身份号码');
  });

  it('reports missing, unknown and mistyped fields before business rules', () => {
    const { unitName: _dropped, ...rest } = hotelForm({ roomCount: '二十', extra: 1, legalRepIdNumber: '510107198005061230' });
    expect(fieldsOf(check('PS-HOTEL-LICENCE', rest))).toEqual(['extra', 'legalRepIdNumber', 'roomCount', 'unitName']);
  });

  it('a security company needs a capital of 1,000,000 yuan; the applicant fields must be the applicant', () => {
    const company = { companyName: '成都安保服务有限公司', legalRepName: '赵国强', legalRepIdNumber: legalRep, contactPhone: '13800138004', registeredCapitalYuan: 500_000, armedEscort: false };
    expect(fieldsOf(check('PS-SECURITY-COMPANY-LICENCE', company))).toEqual(['registeredCapitalYuan']);
    const guard = { applicantName: '赵国强', applicantIdNumber: legalRep, contactPhone: '13800138004', education: '高中或中专' };
    expect(check('PS-SECURITY-GUARD-CERT', guard)).toEqual([]);
    expect(fieldsOf(check('PS-SECURITY-GUARD-CERT', guard, minor))).toEqual(['applicantIdNumber']);
  });

  it('planned dates lie ahead; a large event is applied for 20 days before and has 1,000 participants', () => {
    const event = {
      organizerName: '成都文旅演艺有限公司', safetyOfficer: '赵国强', safetyOfficerIdNumber: legalRep, contactPhone: '13800138004',
      eventName: '锦里新春音乐会', eventDate: '2026-03-31', venue: '成都市武侯区锦里广场', expectedAttendance: 3000,
    };
    expect(check('PS-LARGE-EVENT-PERMIT', event)).toEqual([]);
    expect(fieldsOf(check('PS-LARGE-EVENT-PERMIT', { ...event, eventDate: '2026-03-20', expectedAttendance: 800 }))).toEqual(['eventDate', 'expectedAttendance']);
    expect(check('PS-LARGE-EVENT-PERMIT', { ...event, eventDate: '2026-03-01' })[0]?.problems).toEqual(['不能早于今天']);
    const found = { itemDescription: '钱包', foundDate: '2026-03-11', foundPlace: '锦里' };
    expect(check('PS-LOST-PROPERTY-HANDOVER', found)[0]).toMatchObject({ field: 'foundDate', problems: ['不能晚于今天'] });
  });
});
