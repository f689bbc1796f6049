import { graphql } from '../gql';

// Operations of 月报报送 (district: close the month, versions, exports) and 全市汇总 (bureau).

export const BureauFiguresFragment = graphql(`
  fragment BureauFigures on ReportFigures {
    accepted completed completedOnTime overdueBacklog noticesIssued evaluations complaints
    onTimeRate averageWorkingDays satisfactionRate
  }
`);

export const ReportCloseVersionsDocument = graphql(`
  query ReportCloseVersions($month: String!) {
    reportCloseVersions(month: $month) {
      id districtCode districtName month version closedAt closedBy rowCount pushStatus pushAttempts lastPushAt pushError bureauReceivedAt
      figures { ...BureauFigures }
    }
  }
`);

export const CloseReportMonthDocument = graphql(`
  mutation CloseReportMonth($month: String!) {
    closeReportMonth(month: $month) { id version pushStatus }
  }
`);

export const MonthlyReportExportDocument = graphql(`
  query MonthlyReportExport($month: String!, $unitCode: String, $format: ReportExportFormat) {
    monthlyReportExport(month: $month, unitCode: $unitCode, format: $format) { filename contentType base64 rowCount }
  }
`);

export const BureauCityReportDocument = graphql(`
  query BureauCityReport($month: String!) {
    bureauCityReport(month: $month) {
      month districtsReported districtsMissing
      total { ...BureauFigures }
      districts { districtCode districtName version closedAt closedBy receivedAt rowCount figures { ...BureauFigures } }
    }
  }
`);

export const BureauReportVersionsDocument = graphql(`
  query BureauReportVersions($districtCode: String!, $month: String!) {
    bureauReportVersions(districtCode: $districtCode, month: $month) { version closedAt closedBy receivedAt rowCount figures { ...BureauFigures } }
  }
`);
