import { graphql } from '../gql';

// Operations of the complaint intake channels (网上投诉, 12345 工单导入), the routing rules
// (分派规则) and the transfer of a complaint for verification (移交核查).

export const RequestComplaintVerificationCodeDocument = graphql(`
  mutation RequestComplaintVerificationCode($input: RequestComplaintVerificationCodeInput!) {
    requestComplaintVerificationCode(input: $input) { expiresInSeconds }
  }
`);

export const SubmitOnlineComplaintDocument = graphql(`
  mutation SubmitOnlineComplaint($input: OnlineComplaintInput!) {
    submitOnlineComplaint(input: $input) { number }
  }
`);

export const ImportComplaintWorkOrdersDocument = graphql(`
  mutation ImportComplaintWorkOrders($input: ImportWorkOrdersInput!) {
    importComplaintWorkOrders(input: $input) {
      taken { row workOrderNumber number }
      alreadyReceived { row workOrderNumber number }
      errors { row field reason workOrderNumber }
    }
  }
`);

export const ComplaintRoutingRulesDocument = graphql(`
  query ComplaintRoutingRules($version: Int) {
    complaintRoutingRules(version: $version) {
      version note createdBy createdAt
      rules { position label kind policeType unitPrefix target targetUnitCode }
    }
  }
`);

export const ReplaceComplaintRoutingRulesDocument = graphql(`
  mutation ReplaceComplaintRoutingRules($input: ReplaceComplaintRoutingRulesInput!) {
    replaceComplaintRoutingRules(input: $input) { version }
  }
`);

export const TransferComplaintDocument = graphql(`
  mutation TransferComplaint($input: TransferComplaintInput!) {
    transferComplaint(input: $input) { number }
  }
`);
