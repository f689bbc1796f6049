import { graphql } from '../gql';

// Operations of 排队统计 (queue figures) and 忙闲调配 (balancing proposals).

export const QueueFigureRowFieldsFragment = graphql(`
  fragment QueueFigureRowFields on QueueFigureRow {
    key label unitCode tickets called finished noShows waitP50 waitP90 serviceP50 serviceP90
  }
`);

export const QueueFiguresDocument = graphql(`
  query QueueFigures($unitCode: String, $from: Date, $to: Date) {
    queueFigures(unitCode: $unitCode, from: $from, to: $to) {
      unitCode unitName from to
      total { ...QueueFigureRowFields }
      byHour { ...QueueFigureRowFields }
      byGroup { ...QueueFigureRowFields }
      byWindow { ...QueueFigureRowFields }
    }
  }
`);

export const QueueRebalanceProposalFieldsFragment = graphql(`
  fragment QueueRebalanceProposalFields on QueueRebalanceProposal {
    id unitCode unitName groupCode groupName status waiting oldestWaitMinutes servingWindows reason trigger proposedAt
    decidedAt decidedByName decisionReason appliedWindowIds situationEndedAt
    windows { windowId number fromGroups toGroups ownWaiting idle }
  }
`);

export const QueueRebalanceProposalsDocument = graphql(`
  query QueueRebalanceProposals($unitCode: String) {
    queueRebalanceProposals(unitCode: $unitCode, limit: 100) { total items { ...QueueRebalanceProposalFields } }
  }
`);

export const EvaluateQueueBalancingDocument = graphql(`
  mutation EvaluateQueueBalancing($unitCode: String!) {
    evaluateQueueBalancing(unitCode: $unitCode) { ...QueueRebalanceProposalFields }
  }
`);

export const DecideQueueRebalanceDocument = graphql(`
  mutation DecideQueueRebalance($input: DecideRebalanceInput!) {
    decideQueueRebalance(input: $input) { ...QueueRebalanceProposalFields }
  }
`);
