import {
  documentValidityYears, documentValidUntil, effectiveDocumentStatus, endorsementEntriesOf, endorsementTypeOf, endorsementValidUntil,
  maskDocumentNumber,
} from './document-kinds.js';
import { endorsementRequestOf } from './exit-entry-items.js';

describe('document validity', () => {
  it('is 5 years under 16 and 10 years from 16, by age on the application date', () => {
    expect(documentValidityYears('2016-05-01', '2026-11-26')).toBe(5);
    expect(documentValidityYears('2010-11-27', '2026-11-26')).toBe(5); // 16 tomorrow
    expect(documentValidityYears('2010-11-26', '2026-11-26')).toBe(10);
  });

  it('ends the day before the anniversary, as printed', () => {
    expect(documentValidUntil('2015-03-10', 10)).toBe('2025-03-09');
    expect(documentValidUntil('2026-01-01', 5)).toBe('2030-12-31');
    expect(documentValidUntil('2024-02-29', 10)).toBe('2034-02-28');
  });

  it('endorsements run 3 months (1 year for multiple entries), never beyond the permit', () => {
    expect(endorsementValidUntil('2026-11-26', 'SINGLE', '2030-06-09')).toBe('2027-02-25');
    expect(endorsementValidUntil('2026-11-26', 'DOUBLE', '2030-06-09')).toBe('2027-02-25');
    expect(endorsementValidUntil('2026-11-26', 'MULTIPLE', '2030-06-09')).toBe('2027-11-25');
    expect(endorsementValidUntil('2026-11-26', 'MULTIPLE', '2027-01-10')).toBe('2027-01-10');
    expect(endorsementValidUntil('2026-11-30', 'SINGLE', '2030-06-09')).toBe('2027-02-28'); // no 30 Feb: anniversary 1 March
  });

  it('reads a valid document past its last day as expired', () => {
    expect(effectiveDocumentStatus('VALID', '2026-11-26', '2026-11-26')).toBe('VALID');
    expect(effectiveDocumentStatus('VALID', '2026-11-25', '2026-11-26')).toBe('EXPIRED');
    expect(effectiveDocumentStatus('CANCELLED', '2020-01-01', '2026-11-26')).toBe('CANCELLED');
  });
});

describe('document numbers and form values', () => {
  it('masks a document number to its kind letter and last four characters', () => {
    expect(maskDocumentNumber('E12345678')).toBe('E****5678');
    expect(maskDocumentNumber('C90000002')).toBe('C****0002');
    expect(maskDocumentNumber('E123')).toBe('****');
  });

  it('reads endorsement types and entries as the forms spell them', () => {
    expect(endorsementTypeOf('个人旅游')).toBe('INDIVIDUAL_TOUR');
    expect(endorsementTypeOf('不申请')).toBeUndefined();
    expect(endorsementEntriesOf('多次有效')).toBe('MULTIPLE');
  });

  it('knows which endorsement an application asks for', () => {
    expect(endorsementRequestOf('EE-HKMO-ENDORSE-GROUP', { destination: '澳门', entries: '二次有效' })).toEqual({
      documentKind: 'HKMO_PERMIT', type: 'GROUP_TOUR', entries: 'DOUBLE', destination: '澳门', channel: 'COUNTER', withNewPermit: false,
    });
    expect(endorsementRequestOf('EE-TW-ENDORSE', { endorsementType: '探亲', entries: '多次有效' })).toMatchObject({ documentKind: 'TW_PERMIT', type: 'FAMILY_VISIT', destination: '台湾' });
    expect(endorsementRequestOf('EE-SELF-ENDORSE', { endorsementType: '商务', entries: '一次有效' })).toMatchObject({ type: 'BUSINESS', channel: 'SELF_SERVICE' });
    expect(endorsementRequestOf('EE-HKMO-PERMIT-FIRST', { withEndorsement: '不申请' })).toBeUndefined();
    expect(endorsementRequestOf('EE-HKMO-PERMIT-FIRST', { withEndorsement: '探亲' })).toMatchObject({ type: 'FAMILY_VISIT', entries: 'SINGLE', withNewPermit: true });
    expect(endorsementRequestOf('EE-PASSPORT-FIRST', {})).toBeUndefined();
  });
});
