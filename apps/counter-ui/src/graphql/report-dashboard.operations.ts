import { graphql } from '../gql';

// Operations of the bureau dashboard (月报看板): the monthly figures (月报) with drill-down.

export const ReportFiguresFragment = graphql(`
  fragment ReportFiguresFields on ReportFigures {
    accepted completed completedOnTime overdueBacklog workingDaysSum
    noticesIssued noticesReturnedComplete toleratedAccepted toleratedSupplied
    transfersOpened transfersCompleted transfersCompletedOnTime
    smsSent smsFailed homeVisits
    evaluationsVerySatisfied evaluationsSatisfied evaluationsBasic evaluationsDissatisfied evaluationsVeryDissatisfied
    complaintsAttitude complaintsDelay complaintsUnfamiliar complaintsMisconduct complaintsConsultation complaintsSuggestion complaintsPraise
    onTimeRate averageWorkingDays noticeReturnRate transferOnTimeRate smsFailureRate satisfactionRate
    evaluations complaints
  }
`);

export const ReportLineFragment = graphql(`
  fragment ReportLineFields on ReportLine {
    key label unitCode policeType itemCode
    figures { ...ReportFiguresFields }
    previousMonth { ...ReportFiguresFields }
  }
`);

export const MonthlyReportDocument = graphql(`
  query MonthlyReport($month: String!, $unitCode: String) {
    monthlyReport(month: $month, unitCode: $unitCode) {
      month unitCode unitName level
      figures { ...ReportFiguresFields }
      previousMonth { ...ReportFiguresFields }
      sameMonthLastYear { ...ReportFiguresFields }
      byPoliceType { ...ReportLineFields }
      children { ...ReportLineFields }
      items { ...ReportLineFields }
      trend { month figures { ...ReportFiguresFields } }
    }
  }
`);
