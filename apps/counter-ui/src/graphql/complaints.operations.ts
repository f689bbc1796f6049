import { graphql } from '../gql';

// Operations of the complaints register (信访投诉): intake, the workbench, one complaint with its
// timeline, and the lifecycle steps. Typed by codegen from schema.graphql like operations.ts.

export const ComplaintFieldsFragment = graphql(`
  fragment ComplaintFields on Complaint {
    number channel status kind policeType unitCode officerName applicationNumber firstInquiryNumber
    complainantName complainantPhone complainantIdNumber content receivedOn
    acceptanceDeadline acceptedOn answerDeadline deadline deadlineState
    extended extensionPending extensionReason notAcceptedReason
    answerText answerChannel answeredOn closedOn repeatOf
    finding responsibleOfficerUsername responsibleOfficerName
    handlingUnitCode routingRule channelReference
  }
`);

export const IntakeComplaintDocument = graphql(`
  mutation IntakeComplaint($input: IntakeComplaintInput!) {
    intakeComplaint(input: $input) { ...ComplaintFields }
  }
`);

export const ComplaintsDocument = graphql(`
  query Complaints($status: ComplaintStatus, $deadlineState: ComplaintDeadlineState, $kind: ComplaintKind, $channel: ComplaintChannel, $limit: Int!, $offset: Int!) {
    complaints(status: $status, deadlineState: $deadlineState, kind: $kind, channel: $channel, limit: $limit, offset: $offset) { ...ComplaintFields }
  }
`);

/** One complaint with its timeline; audited with the purpose. */
export const ComplaintDocument = graphql(`
  query Complaint($number: String!, $purpose: String!) {
    complaint(number: $number, purpose: $purpose) {
      ...ComplaintFields
      answerRating
      timeline { action actorName at fromStatus toStatus note }
    }
  }
`);

export const AcceptComplaintDocument = graphql(`
  mutation AcceptComplaint($input: AcceptComplaintInput!) { acceptComplaint(input: $input) { number } }
`);
export const AnswerComplaintDocument = graphql(`
  mutation AnswerComplaint($input: AnswerComplaintInput!) { answerComplaint(input: $input) { number } }
`);
export const RequestComplaintExtensionDocument = graphql(`
  mutation RequestComplaintExtension($input: ComplaintReasonInput!) { requestComplaintExtension(input: $input) { number } }
`);
export const ApproveComplaintExtensionDocument = graphql(`
  mutation ApproveComplaintExtension($input: ApproveComplaintExtensionInput!) { approveComplaintExtension(input: $input) { number } }
`);
export const ReopenComplaintDocument = graphql(`
  mutation ReopenComplaint($input: ComplaintReasonInput!) { reopenComplaint(input: $input) { number } }
`);
export const CloseComplaintDocument = graphql(`
  mutation CloseComplaint($input: CloseComplaintInput!) { closeComplaint(input: $input) { number } }
`);
