import { graphql } from '../gql';

// Operations of 好差评 (evaluations) and 回访核实 (callbacks): pairing the window's rating screen,
// presenting a visit, the public rating screen, callback tasks and the monthly figures.

export const StartRatingPairingDocument = graphql(`
  mutation StartRatingPairing($windowNo: String!) { startRatingPairing(windowNo: $windowNo) { code expiresAt unitCode windowNo } }
`);
export const RevokeRatingDevicesDocument = graphql(`
  mutation RevokeRatingDevices($windowNo: String!) { revokeRatingDevices(windowNo: $windowNo) }
`);
export const PresentVisitForRatingDocument = graphql(`
  mutation PresentVisitForRating($input: PresentVisitInput!) { presentVisitForRating(input: $input) { id applicationNumber itemName windowNo } }
`);
export const PairRatingDeviceDocument = graphql(`
  mutation PairRatingDevice($code: String!) { pairRatingDevice(code: $code) { deviceToken unitName windowNo expiresAt } }
`);
export const RatingScreenDocument = graphql(`
  query RatingScreen($deviceToken: String!) {
    ratingScreen(deviceToken: $deviceToken) {
      unitName windowNo
      visit { id applicationNumber itemName applicantName applicantIdNumber applicantPhone applicationStatus unitName acceptedAt deadline clerkName windowNo rated }
    }
  }
`);
export const SubmitWindowRatingDocument = graphql(`
  mutation SubmitWindowRating($input: SubmitWindowRatingInput!) { submitWindowRating(input: $input) { applicationNumber level callbackOpened } }
`);

export const CallbackTaskFieldsFragment = graphql(`
  fragment CallbackTaskFields on CallbackTask {
    id status deadlineState unitCode applicationNumber level channel reasons comment officerName windowNo evaluatorPhone evaluatedOn
    callbackDue resolveDue callbackNote calledBackOn resolutionNote resolvedOn evaluatorNotified workable
  }
`);
export const CallbackTasksDocument = graphql(`
  query CallbackTasks($status: CallbackStatus, $limit: Int!, $offset: Int!) { callbackTasks(status: $status, limit: $limit, offset: $offset) { ...CallbackTaskFields } }
`);
export const CallbackTaskDocument = graphql(`
  query CallbackTask($taskId: String!, $purpose: String!) { callbackTask(taskId: $taskId, purpose: $purpose) { ...CallbackTaskFields } }
`);
export const RecordCallbackDocument = graphql(`
  mutation RecordCallback($input: RecordCallbackInput!) { recordCallback(input: $input) { ...CallbackTaskFields } }
`);
export const ResolveCallbackDocument = graphql(`
  mutation ResolveCallback($input: ResolveCallbackInput!) { resolveCallback(input: $input) { ...CallbackTaskFields } }
`);
export const VoidEvaluationDocument = graphql(`
  mutation VoidEvaluation($input: VoidEvaluationInput!) { voidEvaluation(input: $input) { ...CallbackTaskFields } }
`);

export const EvaluationFiguresDocument = graphql(`
  query EvaluationFigures($month: String!) {
    evaluationFigures(month: $month) {
      month noAwardsBelow bureauNoticeBelow
      officers { ...FigureRowFields }
      windows { ...FigureRowFields }
      units { ...FigureRowFields }
    }
  }
  fragment FigureRowFields on EvaluationFigureRow {
    kind key label unitCode total satisfactionRate stars flags flagLabels
    counts { verySatisfied satisfied basic dissatisfied veryDissatisfied }
  }
`);
