// Fixed demo documents for the fixed demo persons of household (DEMO_PERSON_IDS), seeded in demo
// AND test mode so that demos and gateway tests can rely on them. Numbers use the 9xxxxxxx range,
// above what travel_document_number_seq issues (10000001–89999999), so the two never collide.
import { DEMO_PERSON_IDS, DEMO_UNITS } from '@onewindow/population';
import type { DocumentKind, DocumentStatus, EndorsementChannel, EndorsementEntries, EndorsementType } from '../travel-document/document-kinds.js';

export interface DemoDocument {
  number: string;
  kind: DocumentKind;
  holderIdNumber: string;
  issuedOn: string;
  validUntil: string;
  status: DocumentStatus;
  statusChangedOn: string | null;
  statusReason: string | null;
  unitCode: string;
}

export interface DemoEndorsement {
  /** Fixed id, so a reboot does not add it twice. */
  id: string;
  documentNumber: string;
  type: EndorsementType;
  entries: EndorsementEntries;
  destination: string | null;
  issuedOn: string;
  validUntil: string;
  channel: EndorsementChannel;
}

/** The document numbers tests use. */
export const DEMO_DOCUMENT_NUMBERS = {
  /** 张伟 (adult): valid passport. */
  adultPassport: 'E90000001',
  /** 赵国强 (toDie): valid passport — cancelled by the death follow-up. */
  toDiePassport: 'E90000002',
  /** 赵国强 (toDie): valid HK/Macau permit — cancelled by the death follow-up. */
  toDieHkmoPermit: 'C90000002',
  /** 陈静 (jinjiang, 510104002): valid HK/Macau permit with an expired individual-tour endorsement (may renew it at a kiosk). */
  jinjiangHkmoPermit: 'C90000003',
  /** 李秀英 (deceased): passport that expired before her death. */
  deceasedPassport: 'E90000004',
  /** 王建国 (minorFather): valid Taiwan permit with an expired group-tour endorsement. */
  minorFatherTwPermit: 'T90000005',
} as const;

const doc = (d: Omit<DemoDocument, 'status' | 'statusChangedOn' | 'statusReason' | 'unitCode'> & Partial<DemoDocument>): DemoDocument => ({
  status: 'VALID',
  statusChangedOn: null,
  statusReason: null,
  unitCode: DEMO_UNITS.jiangxijie,
  ...d,
});

/** Validity by age at issue: everyone here was 16 or over, so 10 years (ending the day before the anniversary). */
export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  doc({ number: DEMO_DOCUMENT_NUMBERS.adultPassport, kind: 'PASSPORT', holderIdNumber: DEMO_PERSON_IDS.adult, issuedOn: '2019-07-15', validUntil: '2029-07-14' }),
  doc({ number: DEMO_DOCUMENT_NUMBERS.toDiePassport, kind: 'PASSPORT', holderIdNumber: DEMO_PERSON_IDS.toDie, issuedOn: '2018-05-08', validUntil: '2028-05-07' }),
  doc({ number: DEMO_DOCUMENT_NUMBERS.toDieHkmoPermit, kind: 'HKMO_PERMIT', holderIdNumber: DEMO_PERSON_IDS.toDie, issuedOn: '2023-09-12', validUntil: '2033-09-11' }),
  doc({
    number: DEMO_DOCUMENT_NUMBERS.jinjiangHkmoPermit, kind: 'HKMO_PERMIT', holderIdNumber: DEMO_PERSON_IDS.jinjiang, issuedOn: '2020-06-10', validUntil: '2030-06-09',
    unitCode: DEMO_UNITS.chunxilu,
  }),
  doc({
    number: DEMO_DOCUMENT_NUMBERS.deceasedPassport, kind: 'PASSPORT', holderIdNumber: DEMO_PERSON_IDS.deceased, issuedOn: '2012-03-20', validUntil: '2022-03-19',
    status: 'EXPIRED', statusChangedOn: '2022-03-20', statusReason: '有效期届满',
  }),
  doc({ number: DEMO_DOCUMENT_NUMBERS.minorFatherTwPermit, kind: 'TW_PERMIT', holderIdNumber: DEMO_PERSON_IDS.minorFather, issuedOn: '2019-04-02', validUntil: '2029-04-01' }),
];

export const DEMO_ENDORSEMENTS: readonly DemoEndorsement[] = [
  {
    id: '9e0e0000-0000-4000-8000-000000000001', documentNumber: DEMO_DOCUMENT_NUMBERS.jinjiangHkmoPermit, type: 'INDIVIDUAL_TOUR', entries: 'DOUBLE',
    destination: '香港', issuedOn: '2025-05-10', validUntil: '2025-08-09', channel: 'COUNTER',
  },
  {
    id: '9e0e0000-0000-4000-8000-000000000002', documentNumber: DEMO_DOCUMENT_NUMBERS.minorFatherTwPermit, type: 'GROUP_TOUR', entries: 'SINGLE',
    destination: '台湾', issuedOn: '2019-04-02', validUntil: '2019-07-01', channel: 'COUNTER',
  },
];
