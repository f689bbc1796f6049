import { graphql } from '../gql';

// Operations of 上门服务 (home visits, issue 11).

export const HomeVisitFieldsFragment = graphql(`
  fragment HomeVisitFields on HomeVisit {
    id number unitCode unitName unitType policeType itemCode itemName citizenName citizenIdNumber phone address masked reason reasonNote
    requestedOn requestedByName dueDays deadline deadlineProvisional status officerAccount officerName scheduledAt applicationNumber outcomeNote closedOn overdue
    history { at actorName action note }
  }
`);

export const HomeVisitsDocument = graphql(`
  query HomeVisits($status: HomeVisitStatus, $overdueOnly: Boolean, $mine: Boolean) {
    homeVisits(status: $status, overdueOnly: $overdueOnly, mine: $mine, limit: 200) { total overdue items { ...HomeVisitFields } }
  }
`);

export const HomeVisitDocument = graphql(`
  query HomeVisit($id: ID!, $purpose: String!) {
    homeVisit(id: $id, purpose: $purpose) { ...HomeVisitFields }
  }
`);

export const CommunityOfficersDocument = graphql(`
  query CommunityOfficers {
    communityOfficers { account name unitCode area openVisits }
  }
`);

export const HomeVisitItemsDocument = graphql(`
  query HomeVisitItems($keyword: String) {
    catalogItems(keyword: $keyword) { code name policeType }
  }
`);

export const RequestHomeVisitDocument = graphql(`
  mutation RequestHomeVisit($input: RequestHomeVisitInput!) {
    requestHomeVisit(input: $input) { ...HomeVisitFields }
  }
`);

export const AssignHomeVisitDocument = graphql(`
  mutation AssignHomeVisit($input: AssignHomeVisitInput!) {
    assignHomeVisit(input: $input) { ...HomeVisitFields }
  }
`);

export const ScheduleHomeVisitDocument = graphql(`
  mutation ScheduleHomeVisit($input: ScheduleHomeVisitInput!) {
    scheduleHomeVisit(input: $input) { ...HomeVisitFields }
  }
`);

export const RecordHomeVisitOutcomeDocument = graphql(`
  mutation RecordHomeVisitOutcome($input: RecordHomeVisitOutcomeInput!) {
    recordHomeVisitOutcome(input: $input) { ...HomeVisitFields }
  }
`);
