import { graphql } from '../gql';

// Operations of the supervision (督察) screens: 督察检查, 整改跟踪, 双随机抽查.

export const SupervisionFindingFieldsFragment = graphql(`
  fragment SupervisionFindingFields on SupervisionFinding {
    id inspectionId unitCode unitName itemCode itemText description officerAccount officerName deadlineDays deadline deadlineProvisional
    status rectification overdue updatedAt history { at actorName action note }
  }
`);

export const InspectionTemplatesDocument = graphql(`
  query InspectionTemplates {
    inspectionTemplates { code version name cadence publishedBy publishedAt items { code text method } }
  }
`);

export const SupervisionInspectionsDocument = graphql(`
  query SupervisionInspections {
    supervisionInspections(limit: 50) {
      id templateCode templateVersion templateName unitCode unitName inspectedOn inspectorName createdAt
      results { itemCode itemText result note }
      findings { ...SupervisionFindingFields }
    }
  }
`);

export const RecordInspectionDocument = graphql(`
  mutation RecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) { id templateName templateVersion unitName findings { ...SupervisionFindingFields } }
  }
`);

export const SupervisionFindingsDocument = graphql(`
  query SupervisionFindings($status: SupervisionFindingStatus, $overdueOnly: Boolean) {
    supervisionFindings(status: $status, overdueOnly: $overdueOnly, limit: 200) { total items { ...SupervisionFindingFields } }
  }
`);

export const ReportRectificationDocument = graphql(`
  mutation ReportRectification($input: ReportRectificationInput!) { reportRectification(input: $input) { ...SupervisionFindingFields } }
`);

export const VerifyRectificationDocument = graphql(`
  mutation VerifyRectification($input: VerifyRectificationInput!) { verifyRectification(input: $input) { ...SupervisionFindingFields } }
`);

export const RandomInspectionDrawFieldsFragment = graphql(`
  fragment RandomInspectionDrawFields on RandomInspectionDraw {
    id unitPrefix unitName month seed caseCount inspectorCount casePoolSize inspectorPoolSize drawnByName drawnAt publishedAt inspectors
    cases { position caseNumber unitCode unitName policeType itemCode itemName inspectorAccount inspectorName result note }
  }
`);

export const RandomInspectionDrawsDocument = graphql(`
  query RandomInspectionDraws { randomInspectionDraws(limit: 50) { ...RandomInspectionDrawFields } }
`);

export const RandomInspectorsDocument = graphql(`
  query RandomInspectors { randomInspectors { account name unitCode unitName active } }
`);

export const DrawRandomInspectionDocument = graphql(`
  mutation DrawRandomInspection($input: DrawRandomInspectionInput!) { drawRandomInspection(input: $input) { ...RandomInspectionDrawFields } }
`);

export const RecordRandomInspectionResultDocument = graphql(`
  mutation RecordRandomInspectionResult($input: RecordRandomInspectionResultInput!) { recordRandomInspectionResult(input: $input) { caseNumber result note } }
`);

export const PublishRandomInspectionDocument = graphql(`
  mutation PublishRandomInspection($id: ID!) { publishRandomInspection(id: $id) { ...RandomInspectionDrawFields } }
`);

/** Every read audited with its purpose; full data only on request. */
export const RandomInspectionCasePartyDocument = graphql(`
  query RandomInspectionCaseParty($drawId: ID!, $caseNumber: String!, $full: Boolean, $purpose: String!) {
    randomInspectionCaseParty(drawId: $drawId, caseNumber: $caseNumber, full: $full, purpose: $purpose) {
      caseNumber applicantName applicantIdNumber applicantPhone firstInquiryOwnerName masked
    }
  }
`);

export const PublishedRandomInspectionsDocument = graphql(`
  query PublishedRandomInspections {
    publishedRandomInspections(limit: 20) { id unitPrefix unitName month cases inspectors passed problems publishedAt byItem { itemName checked passed problems } }
  }
`);
