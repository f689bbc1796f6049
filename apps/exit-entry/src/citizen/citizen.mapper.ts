import type { Identity } from '@onewindow/contracts';
import { seesFullDocumentNumbers } from '@onewindow/platform';
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
  const full = seesFullDocumentNumbers(viewer);
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
    holder: { idNumber: d.holderIdNumber },
  };
}

export function toSection(views: readonly DocumentView[], viewer: Identity, today: string): CitizenExitEntrySection {
  const documents = views.map((v) => toTravelDocument(v, viewer, today));
  return {
    numbersMasked: !seesFullDocumentNumbers(viewer),
    validDocumentCount: documents.filter((d) => d.status === TravelDocumentStatusEnum.VALID).length,
    documents,
  };
}
