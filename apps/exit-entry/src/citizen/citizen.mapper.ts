import { PoliceType, type Identity } from '@onewindow/contracts';
import { PersonalField, personalDataView, sealSubjectRef, seesRecordInFull } from '@onewindow/platform';
import {
  DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, effectiveDocumentStatus, ENDORSEMENT_ENTRIES_LABELS, ENDORSEMENT_TYPE_LABELS, maskDocumentNumber,
} from '../travel-document/document-kinds.js';
import type { DocumentView } from '../travel-document/document-query.service.js';
import type { EndorsementEntity } from '../travel-document/endorsement.entity.js';
import {
  CitizenExitEntrySection, ExitEntryEndorsement, ExitEntryEndorsementChannelEnum, ExitEntryEndorsementEntriesEnum, ExitEntryEndorsementTypeEnum,
  TravelDocument, TravelDocumentKindEnum, TravelDocumentStatusEnum,
} from './citizen.model.js';

export function toEndorsement(e: EndorsementEntity, documentValid: boolean, today: string): ExitEntryEndorsement {
  return {
    type: e.type as ExitEntryEndorsementTypeEnum,
    typeLabel: ENDORSEMENT_TYPE_LABELS[e.type],
    entries: e.entries as ExitEntryEndorsementEntriesEnum,
    entriesLabel: ENDORSEMENT_ENTRIES_LABELS[e.entries],
    destination: e.destination ?? undefined,
    issuedOn: e.issuedOn,
    validUntil: e.validUntil,
    channel: e.channel as ExitEntryEndorsementChannelEnum,
    valid: documentValid && e.validUntil >= today,
  };
}

export function toTravelDocument({ document: d, endorsements }: DocumentView, viewer: Identity, today: string): TravelDocument {
  // One policy (decision 0028): the document is exit-entry's record of its issuing unit.
  const view = personalDataView(viewer, { policeType: PoliceType.EXIT_ENTRY, unitCode: d.unitCode }, 'DETAIL');
  const full = !view.masked(PersonalField.DOCUMENT_NUMBER);
  const status = effectiveDocumentStatus(d.status, d.validUntil, today);
  return {
    number: full ? d.number : maskDocumentNumber(d.number),
    numberMasked: !full,
    kind: d.kind as TravelDocumentKindEnum,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind],
    issuedOn: d.issuedOn,
    validUntil: d.validUntil,
    status: status as TravelDocumentStatusEnum,
    statusLabel: DOCUMENT_STATUS_LABELS[status],
    statusChangedOn: d.statusChangedOn ?? undefined,
    issuingUnitCode: d.unitCode,
    endorsements: endorsements.map((e) => toEndorsement(e, status === 'VALID', today)),
    // The holder's ID number is the federation key: sealed when this viewer may not read it.
    holder: { idNumber: view.masked(PersonalField.ID_NUMBER) ? sealSubjectRef(d.holderIdNumber) : d.holderIdNumber },
  };
}

export function toSection(views: readonly DocumentView[], viewer: Identity, today: string): CitizenExitEntrySection {
  const documents = views.map((v) => toTravelDocument(v, viewer, today));
  return {
    numbersMasked: documents.length ? documents.some((d) => d.numberMasked) : !seesRecordInFull(viewer, { policeType: PoliceType.EXIT_ENTRY, unitCode: viewer.unitCode }),
    validDocumentCount: documents.filter((d) => d.status === TravelDocumentStatusEnum.VALID).length,
    documents,
  };
}
