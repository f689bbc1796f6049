import { graphql } from '../gql';

// Every operation the UI sends, typed by codegen from schema.graphql (the supergraph SDL).

export const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user { username displayName roles policeType unitCode unitName }
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me { username displayName roles policeType unitCode unitName }
  }
`);

/** Demo mode = the schema has the built-in `login` (introspection is off in production anyway). */
export const DemoModeDocument = graphql(`
  query DemoMode {
    __type(name: "LoginResult") { name }
  }
`);

/** The unit directory (code → name), read once per session. */
export const PoliceUnitsDocument = graphql(`
  query PoliceUnits {
    policeUnits { code name shortName }
  }
`);

/** 群众 360°: household owns the core; each subgraph adds its section (one audited read). */
export const CitizenDocument = graphql(`
  query Citizen($idNumber: String!, $purpose: String!, $reveal: Boolean) {
    citizen(idNumber: $idNumber, purpose: $purpose, reveal: $reveal) {
      ...CitizenCore
      counter {
        applications { number policeType itemCode itemName applicantName applicantIdNumber status unitCode deadline deadlineState version updatedAt }
        notices { number itemName status issuedAt missingMaterials resolvedApplicationNumber }
      }
      exitEntry {
        validDocumentCount numbersMasked
        documents {
          number kind kindLabel status statusLabel issuedOn validUntil
          endorsements { typeLabel entriesLabel destination issuedOn validUntil valid }
        }
      }
      traffic {
        licence { number licenceClass status statusReason validUntil points pointsLimitReached renewableFrom firstIssuedOn }
        openFineFen openPoints
        openViolations { id occurredAt place description plateNumber fineFen points status }
        vehicles { plateNumber vehicleType status registeredOn }
      }
      publicSecurity {
        permits { number kindLabel status validUntil holderName }
        lostReports { id categoryLabel description filedAt status matchedFoundItemNumber }
        claims { id foundItemNumber status claimedAt refusalReason }
      }
      complaints {
        complaints { number channel status receivedAt }
        evaluations { applicationNumber level evaluatedAt }
      }
    }
  }
`);

/** Fallback when a section's service is down (sections are non-null, so one failure voids the view). */
export const CitizenCoreDocument = graphql(`
  query CitizenCore($idNumber: String!, $purpose: String!, $reveal: Boolean) {
    citizen(idNumber: $idNumber, purpose: $purpose, reveal: $reveal) { ...CitizenCore }
  }
`);

export const CitizenCoreFragment = graphql(`
  fragment CitizenCore on Citizen {
    idNumber name sex ethnicity birthDate address phone phoneMasked status unitCode
    household { householdNumber address members { idNumber name relationToHead status } }
    residencePermits {
      permitNumber address issuingUnitName issuedOn validUntil status lapsed replacesPermitNumber
      endorsements { endorsedOn previousValidUntil validUntil applicationNumber }
    }
  }
`);

export const CatalogSearchDocument = graphql(`
  query CatalogSearch($keyword: String, $policeType: PoliceType) {
    catalogItems(keyword: $keyword, policeType: $policeType) {
      code name aliases policeType category description
      fee { formatted }
      promisedTimeLimit { text }
      statutoryTimeLimit { text }
      channelNames
    }
  }
`);

export const CatalogItemDocument = graphql(`
  query CatalogItem($code: String!) {
    catalogItem(code: $code) {
      code name aliases policeType service version category description
      materials { code name required toleratedIfMissing verifiedOnline verifiedBy note description }
      fee { amountFen formatted description basis waivers { code description condition } }
      statutoryTimeLimit { value unit text note }
      promisedTimeLimit { value unit text note }
      channelNames processSteps legalBasis supervisionPhone resultName pickupNotice
      formFields { key label type required options }
      sixNotices { key title lines }
    }
  }
`);

export const InboxDocument = graphql(`
  query Inbox($status: ApplicationStatus, $policeType: PoliceType, $search: String, $limit: Int! = 50, $offset: Int! = 0) {
    inbox(status: $status, policeType: $policeType, search: $search, limit: $limit, offset: $offset) {
      total limit offset
      items { number policeType itemCode itemName applicantName applicantIdNumber status unitCode deadline deadlineState version updatedAt }
    }
  }
`);

export const ApplicationDocument = graphql(`
  query Application($number: String!) {
    application(number: $number) {
      ...ApplicationFull
    }
  }
`);

export const ApplicationFullFragment = graphql(`
  fragment ApplicationFull on Application {
    number policeType service itemCode itemName
    applicant { name idNumber phone masked }
    status unitCode unitName firstInquiryOwnerName acceptedAt
    deadline deadlineProvisional deadlineState clockStoppedSince
    promisedTimeLimit { value unit text } statutoryTimeLimit { value unit text }
    statutoryDeadline statutoryDeadlineProvisional clockStopsAt extendedWorkingDays maxExtensionWorkingDays
    fee { fen formatted waiverCode }
    toleratedMaterials { code name commitment dueDate supplied suppliedAt }
    rejectionReason deliveryMethod resultName fromNoticeNumber version updatedAt
    timeline { at actorName actorRoles action fromStatus toStatus reason }
  }
`);

export const ReceiptDocument = graphql(`
  query Receipt($number: String!) {
    application(number: $number) { number receiptPdfBase64 }
  }
`);

export const SmsMessagesDocument = graphql(`
  query SmsMessages($applicationNumber: String!) {
    smsMessages(applicationNumber: $applicationNumber) { id phone text status createdAt sentAt }
  }
`);

export const AcceptApplicationDocument = graphql(`
  mutation AcceptApplication($input: AcceptApplicationInput!) {
    acceptApplication(input: $input) {
      __typename
      ... on Application { ...ApplicationFull openApplicationsAtAcceptance { number itemName status unitName acceptedAt deadline } }
      ... on OneTimeNotice { number itemCode itemName applicantName issuedAt clerkName missingMaterials { code name note } presentedMaterials { code name } }
    }
  }
`);

/** 在办申请: the person's applications city-wide (masked), shown at the window before the clerk submits. */
export const CitizenOpenApplicationsDocument = graphql(`
  query CitizenOpenApplications($idNumber: String!, $purpose: String!) {
    citizen(idNumber: $idNumber, purpose: $purpose) {
      idNumber
      counter {
        applications { number policeType itemCode itemName status unitCode deadline deadlineState }
      }
    }
  }
`);

export const NoticePdfDocument = graphql(`
  query NoticePdf($number: String!) {
    oneTimeNotice(number: $number) { number pdfBase64 }
  }
`);

export const TransitionDocument = graphql(`
  mutation TransitionApplication($input: TransitionApplicationInput!) {
    transitionApplication(input: $input) {
      ...ApplicationFull
    }
  }
`);

export const TransferFieldsFragment = graphql(`
  fragment TransferFields on Transfer {
    id caseRef kind direction fromPoliceType toPoliceType fromService toService
    reason refusalReason result status overdue requestedAt requestedByName requestedDeadline
    subjectIdNumber unitCode handledUnitCode updatedAt
    attachments { name ref }
    timeline { action actorName at note policeType }
  }
`);

export const TransfersDocument = graphql(`
  query Transfers($direction: TransferDirection, $policeType: PoliceType, $status: TransferStatus, $overdueOnly: Boolean, $limit: Int! = 50, $offset: Int! = 0) {
    transfers(direction: $direction, policeType: $policeType, status: $status, overdueOnly: $overdueOnly, limit: $limit, offset: $offset) {
      total limit offset
      items { ...TransferFields }
    }
  }
`);

export const RequestTransferDocument = graphql(`
  mutation RequestTransfer($input: RequestTransferInput!) {
    requestTransfer(input: $input) { ...TransferFields }
  }
`);

export const AcknowledgeTransferDocument = graphql(`
  mutation AcknowledgeTransfer($input: AcknowledgeTransferInput!) {
    acknowledgeTransfer(input: $input) { ...TransferFields }
  }
`);

export const CompleteTransferDocument = graphql(`
  mutation CompleteTransfer($input: CompleteTransferInput!) {
    completeTransfer(input: $input) { ...TransferFields }
  }
`);
