import { graphql } from '../gql';

// Operations of 排队叫号: the desk (叫号工作台), the clerk's queue bar, the public kiosk and hall display.

export const QueueTicketFieldsFragment = graphql(`
  fragment QueueTicketFields on QueueTicket {
    id number groupCode groupName originGroupCode state priority priorityReason priorityLabel source notifyPhone windowNumber targetWindowNumber
    recallCount transferCount takenAt firstCalledAt calledAt startedAt finishedAt
  }
`);

export const QueueWindowFieldsFragment = graphql(`
  fragment QueueWindowFields on QueueWindow {
    id number servesAll groupCodes state pauseReason clerkName mine consecutivePriority stateChangedAt currentTicket { ...QueueTicketFields }
  }
`);

export const QueueHallDocument = graphql(`
  query QueueHall($unitCode: String) {
    queueHall(unitCode: $unitCode) {
      unitCode unitName businessDate
      setting { priorityCap maxRecalls notifyAhead }
      groups { code prefix name waiting priorityWaiting nextNumbers }
      windows { ...QueueWindowFields }
      waiting { ...QueueTicketFields }
      priorityReasons { code label selectable }
    }
  }
`);

export const MyQueueWindowDocument = graphql(`
  query MyQueueWindow {
    myQueueWindow { maxRecalls waiting window { ...QueueWindowFields } }
  }
`);

export const SignInQueueWindowDocument = graphql(`
  mutation SignInQueueWindow($windowId: ID!) { signInQueueWindow(windowId: $windowId) { ...QueueWindowFields } }
`);

export const SignOutQueueWindowDocument = graphql(`
  mutation SignOutQueueWindow { signOutQueueWindow { ...QueueWindowFields } }
`);

export const OpenQueueWindowDocument = graphql(`
  mutation OpenQueueWindow($windowId: ID!) { openQueueWindow(windowId: $windowId) { ...QueueWindowFields } }
`);

export const PauseQueueWindowDocument = graphql(`
  mutation PauseQueueWindow($input: PauseQueueWindowInput!) { pauseQueueWindow(input: $input) { ...QueueWindowFields } }
`);

export const CloseQueueWindowDocument = graphql(`
  mutation CloseQueueWindow($windowId: ID!) { closeQueueWindow(windowId: $windowId) { ...QueueWindowFields } }
`);

export const SetQueueWindowGroupsDocument = graphql(`
  mutation SetQueueWindowGroups($input: SetQueueWindowGroupsInput!) { setQueueWindowGroups(input: $input) { ...QueueWindowFields } }
`);

export const CreateQueueWindowDocument = graphql(`
  mutation CreateQueueWindow($input: CreateQueueWindowInput!) { createQueueWindow(input: $input) { ...QueueWindowFields } }
`);

export const IssueQueueTicketDocument = graphql(`
  mutation IssueQueueTicket($input: TakeQueueTicketInput!) { issueQueueTicket(input: $input) { id number groupName ahead priority priorityLabel willNotify } }
`);

export const CallNextQueueTicketDocument = graphql(`
  mutation CallNextQueueTicket { callNextQueueTicket { ...QueueTicketFields } }
`);

export const CallQueueTicketDocument = graphql(`
  mutation CallQueueTicket($ticketId: ID!) { callQueueTicket(ticketId: $ticketId) { ...QueueTicketFields } }
`);

export const RecallQueueTicketDocument = graphql(`
  mutation RecallQueueTicket { recallQueueTicket { ...QueueTicketFields } }
`);

export const StartQueueTicketDocument = graphql(`
  mutation StartQueueTicket { startQueueTicket { ...QueueTicketFields } }
`);

export const FinishQueueTicketDocument = graphql(`
  mutation FinishQueueTicket { finishQueueTicket { ...QueueTicketFields } }
`);

export const MarkQueueTicketNoShowDocument = graphql(`
  mutation MarkQueueTicketNoShow { markQueueTicketNoShow { ...QueueTicketFields } }
`);

export const TransferQueueTicketDocument = graphql(`
  mutation TransferQueueTicket($input: TransferQueueTicketInput!) { transferQueueTicket(input: $input) { ...QueueTicketFields } }
`);

export const QueueKioskDocument = graphql(`
  query QueueKiosk($unitCode: String!) {
    queueKiosk(unitCode: $unitCode) { unitCode unitName businessDate notifyAhead groups { code prefix name waiting } priorityReasons { code label } }
  }
`);

export const TakeQueueTicketDocument = graphql(`
  mutation TakeQueueTicket($input: TakeQueueTicketInput!) {
    takeQueueTicket(input: $input) { id number groupCode groupName unitName ahead priority priorityLabel willNotify takenAt }
  }
`);

export const HallDisplayDocument = graphql(`
  query HallDisplay($unitCode: String!) {
    hallDisplay(unitCode: $unitCode) {
      unitCode unitName businessDate
      calls { ticketId number windowNumber calledAt recallCount }
      windows { number state currentNumber groupNames }
      groups { code prefix name waiting nextNumbers }
    }
  }
`);
