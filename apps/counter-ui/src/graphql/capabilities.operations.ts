import { graphql } from '../gql';

// Operations of the police types' own registers (交管违法, 出入境证件, 治安许可证, 失物招领), typed by
// codegen from schema.graphql like operations.ts; kept apart so each screen's calls are in one place.

// ─── 交通违法 (traffic) ───────────────────────────────────────────────────────────────────────────

export const ViolationFieldsFragment = graphql(`
  fragment ViolationFields on Violation {
    id code description place occurredAt plateNumber licenceNumber fineFen points status
    decisionNumber decidedAt paymentReference paidAt
  }
`);

/** By plate or by the person (licence and owned vehicles); audited with the purpose. */
export const ViolationsDocument = graphql(`
  query Violations($purpose: String!, $plate: String, $idNumber: String) {
    violations(purpose: $purpose, plate: $plate, idNumber: $idNumber) { ...ViolationFields }
  }
`);

export const HandleViolationDocument = graphql(`
  mutation HandleViolation($id: ID!, $decisionNumber: String, $paymentReference: String, $driverIdNumber: String) {
    handleViolation(id: $id, decisionNumber: $decisionNumber, paymentReference: $paymentReference, driverIdNumber: $driverIdNumber) { ...ViolationFields }
  }
`);

// ─── 出入境证件与签注 (exit-entry) ────────────────────────────────────────────────────────────────

export const TravelDocumentFieldsFragment = graphql(`
  fragment TravelDocumentFields on TravelDocument {
    number numberMasked kind kindLabel status statusLabel statusChangedOn issuedOn validUntil issuingUnitCode
    endorsements { type typeLabel entries entriesLabel destination issuedOn validUntil valid channel }
  }
`);

/** One document by its number (exit-entry audits the read with the purpose). */
export const TravelDocumentDocument = graphql(`
  query TravelDocument($number: String!, $purpose: String!) {
    travelDocument(number: $number, purpose: $purpose) {
      ...TravelDocumentFields
      # Only the key: the holder's name comes from household, which answers only inside the reader's lookup scope.
      holder { idNumber }
    }
  }
`);

/** A citizen's documents: the household root (audited) with exit-entry's section only. */
export const CitizenTravelDocumentsDocument = graphql(`
  query CitizenTravelDocuments($idNumber: String!, $purpose: String!) {
    citizen(idNumber: $idNumber, purpose: $purpose) {
      idNumber name status
      exitEntry { validDocumentCount numbersMasked documents { ...TravelDocumentFields } }
    }
  }
`);

// ─── 治安许可证、保安员证 (public security) ───────────────────────────────────────────────────────

export const PermitFieldsFragment = graphql(`
  fragment PermitFields on PublicSecurityPermit {
    number kind kindLabel holderKind holderName holderIdNumber holderCreditCode legalRepIdNumber address
    issuedOn validUntil status statusReason unitCode applicationNumber
  }
`);

export const PermitDocument = graphql(`
  query Permit($number: String!) {
    publicSecurityPermit(number: $number) {
      ...PermitFields
      history { at actorName action fromStatus toStatus reason }
    }
  }
`);

/** The unit's register (public-security officers and supervisors). */
export const PermitsDocument = graphql(`
  query Permits($kind: PublicSecurityPermitKind, $status: PublicSecurityPermitStatus, $limit: Int! = 50, $offset: Int! = 0) {
    publicSecurityPermits(kind: $kind, status: $status, limit: $limit, offset: $offset) {
      total
      items { ...PermitFields }
    }
  }
`);

/** Permits a person holds or represents: public security's own audited citizen lookup. */
export const HolderPermitsDocument = graphql(`
  query HolderPermits($idNumber: String!, $purpose: String!) {
    publicSecurityCitizen(idNumber: $idNumber, purpose: $purpose) {
      idNumber
      publicSecurity { permits { ...PermitFields } }
    }
  }
`);

export const ChangePermitStatusDocument = graphql(`
  mutation ChangePermitStatus($input: ChangePermitStatusInput!) {
    changePermitStatus(input: $input) {
      ...PermitFields
      history { at actorName action fromStatus toStatus reason }
    }
  }
`);

// ─── 失物招领 (public security, with the sanitation department) ─────────────────────────────────

export const LostReportFieldsFragment = graphql(`
  fragment LostReportFields on LostReport {
    id category categoryLabel description lostOn lostPlace reporterName reporterIdNumber phone
    status filedAt filedByName matchedFoundItemNumber unitCode
  }
`);

export const FoundItemFieldsFragment = graphql(`
  fragment FoundItemFields on FoundItem {
    number batchReference category categoryLabel description foundOn foundPlace handedInBy
    storagePlace storageSlot status statusLabel noticePublishedOn retentionUntil retentionProvisional
    registeredByName unitCode
    disposal { method methodLabel disposedOn }
    matchedReport { ...LostReportFields }
    claims { id claimantName claimantIdNumber claimantPhone claimedAt status refusalReason verificationMethod verifiedByName descriptionGiven }
  }
`);

export const SearchFoundItemsDocument = graphql(`
  query SearchFoundItems($keyword: String, $category: FoundItemCategory, $status: [FoundItemStatus!], $batchReference: String, $handedInBy: FoundItemHandedInBy, $limit: Int! = 50, $offset: Int! = 0) {
    searchFoundItems(keyword: $keyword, category: $category, status: $status, batchReference: $batchReference, handedInBy: $handedInBy, limit: $limit, offset: $offset) {
      total
      items { ...FoundItemFields }
    }
  }
`);

export const FoundItemDocument = graphql(`
  query FoundItem($number: String!, $purpose: String!) {
    foundItem(number: $number, purpose: $purpose) {
      ...FoundItemFields
      history { at actorName action fromStatus toStatus note }
    }
  }
`);

export const SearchLostReportsDocument = graphql(`
  query SearchLostReports($keyword: String, $category: FoundItemCategory, $status: LostReportStatus, $limit: Int! = 50, $offset: Int! = 0) {
    searchLostReports(keyword: $keyword, category: $category, status: $status, limit: $limit, offset: $offset) {
      total
      items { ...LostReportFields }
    }
  }
`);

export const RegisterFoundItemsDocument = graphql(`
  mutation RegisterFoundItems($input: RegisterFoundItemsInput!) {
    registerFoundItems(input: $input) {
      batchReference handedInBy handedInByName storagePlace itemCount registeredAt registeredByName
      items { ...FoundItemFields }
    }
  }
`);

export const FileLostReportDocument = graphql(`
  mutation FileLostReport($input: FileLostReportInput!) {
    fileLostReport(input: $input) { ...LostReportFields }
  }
`);

export const ConfirmMatchDocument = graphql(`
  mutation ConfirmMatch($foundItemNumber: String!, $lostReportId: ID!) {
    confirmMatch(foundItemNumber: $foundItemNumber, lostReportId: $lostReportId) { ...FoundItemFields }
  }
`);

export const ClaimFoundItemDocument = graphql(`
  mutation ClaimFoundItem($input: ClaimFoundItemInput!) {
    claimFoundItem(input: $input) { ...FoundItemFields }
  }
`);

export const DisposeUnclaimedDocument = graphql(`
  mutation DisposeUnclaimed {
    disposeUnclaimed { today disposed items { ...FoundItemFields } }
  }
`);
