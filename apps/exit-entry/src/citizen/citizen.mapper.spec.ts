import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { configureSubjectRefSealing, displayedSubjectRef, openSubjectRef } from '@onewindow/platform';
import type { DocumentView } from '../travel-document/document-query.service.js';
import type { EndorsementEntity } from '../travel-document/endorsement.entity.js';
import type { TravelDocumentEntity } from '../travel-document/travel-document.entity.js';
import { toSection } from './citizen.mapper.js';

const who = (roles: Role[], policeType?: PoliceType): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode: '510107001', unitName: 'x' });
configureSubjectRefSealing('a-test-secret-of-at-least-32-characters!');
const doc = (o: Partial<TravelDocumentEntity>) =>
  ({ id: 'd', number: 'E90000001', kind: 'PASSPORT', holderIdNumber: '510107198804129130', issuedOn: '2019-07-15', validUntil: '2029-07-14', status: 'VALID', statusChangedOn: null, unitCode: '510107001', ...o }) as TravelDocumentEntity;
const endorsement = { type: 'INDIVIDUAL_TOUR', entries: 'DOUBLE', destination: '香港', issuedOn: '2026-10-01', validUntil: '2026-12-31', channel: 'SELF_SERVICE' } as EndorsementEntity;
const views: DocumentView[] = [
  { document: doc({ id: 'c', number: 'C90000003', kind: 'HKMO_PERMIT', issuedOn: '2020-06-10', validUntil: '2030-06-09' }), endorsements: [endorsement] },
  { document: doc({}), endorsements: [] },
  { document: doc({ id: 'x', number: 'E90000004', validUntil: '2022-03-19' }), endorsements: [] },
];

describe('citizen exit-entry section', () => {
  it('masks document numbers for clerks and other police types; shows them to the unit\'s exit-entry officers and supervisors', () => {
    expect(toSection(views, who([Role.CLERK]), '2026-11-26').documents.map((d) => d.number)).toEqual(['C****0003', 'E****0001', 'E****0004']);
    expect(toSection(views, who([Role.CLERK]), '2026-11-26').numbersMasked).toBe(true);
    expect(toSection(views, who([Role.OFFICER], PoliceType.TRAFFIC), '2026-11-26').numbersMasked).toBe(true);
    for (const viewer of [who([Role.OFFICER], PoliceType.EXIT_ENTRY), who([Role.SUPERVISOR]), who([Role.CLERK, Role.OFFICER], PoliceType.EXIT_ENTRY)]) {
      const section = toSection(views, viewer, '2026-11-26');
      expect(section.documents.map((d) => [d.number, d.numberMasked])).toEqual([['C90000003', false], ['E90000001', false], ['E90000004', false]]);
    }
  });

  it('shows statuses as of today, endorsements with their validity, and the holder as a Citizen reference', () => {
    const section = toSection(views, who([Role.CLERK]), '2026-11-26');
    expect(section.validDocumentCount).toBe(2);
    expect(section.documents.map((d) => d.statusLabel)).toEqual(['有效', '有效', '已过期']);
    expect(section.documents[0]!.endorsements).toEqual([
      expect.objectContaining({ type: 'INDIVIDUAL_TOUR', typeLabel: '个人旅游', entriesLabel: '二次有效', channel: 'SELF_SERVICE', valid: true }),
    ]);
    expect(toSection(views, who([Role.CLERK]), '2027-01-01').documents[0]!.endorsements[0]!.valid).toBe(false);
    // A clerk may not read the holder's ID number: the key is sealed (masked for display, opened by household).
    const key = section.documents[1]!.holder.idNumber;
    expect(displayedSubjectRef(key)).toBe('510107********9130');
    expect(openSubjectRef(key)).toEqual({ idNumber: '510107198804129130', sealed: true });
    expect(openSubjectRef(`${key.slice(0, -2)}xx`)).toBeNull();
    expect(toSection(views, who([Role.OFFICER], PoliceType.EXIT_ENTRY), '2026-11-26').documents[1]!.holder).toEqual({ idNumber: '510107198804129130' });
  });
});
