import { graphql } from '../gql';

// Operations of the complaint analysis (信访分析) and deductions (信访扣分) screens.

export const AnalysisFiguresFragment = graphql(`
  fragment AnalysisFigures on ComplaintAnalysisFigures {
    unitCode unitName policeType total previousTotal change changeRate
    byKind { kind count } byChannel { channel count }
    repeatComplaints repeatComplainants overdue substantiated investigated substantiatedRate deductions deductionPoints
  }
`);

export const ComplaintAnalysisDocument = graphql(`
  query ComplaintAnalysis($month: String!, $level: ComplaintAnalysisUnitLevel, $unitPrefix: String) {
    complaintAnalysis(month: $month, level: $level, unitPrefix: $unitPrefix) {
      month previousMonth level unitPrefix asOf
      total { ...AnalysisFigures }
      byPoliceType { ...AnalysisFigures }
      byUnit { ...AnalysisFigures }
      groups { ...AnalysisFigures }
      repeatComplainants { complainantName complainantPhone complaints repeats firstNumber unitCodes }
    }
  }
`);

export const ComplaintAnalysisExportDocument = graphql(`
  query ComplaintAnalysisExport($month: String!, $level: ComplaintAnalysisUnitLevel, $unitPrefix: String, $format: ComplaintAnalysisExportFormat!) {
    complaintAnalysisExport(month: $month, level: $level, unitPrefix: $unitPrefix, format: $format) { fileName mimeType contentBase64 }
  }
`);

export const ComplaintDeductionsDocument = graphql(`
  query ComplaintDeductions($year: Int!) {
    complaintDeductions(year: $year) {
      id complaintNumber finding policeType unitCode officerUsername officerName unitPoints officerPoints deductedOn reversed reversedOn reversedBy reversalReason
    }
    complaintDeductionStandings(year: $year) {
      year
      officers { officerUsername officerName unitCode deductions points consequence }
      units { unitCode deductions points }
    }
  }
`);

export const ReverseComplaintDeductionDocument = graphql(`
  mutation ReverseComplaintDeduction($input: ReverseDeductionInput!) { reverseComplaintDeduction(input: $input) { id reversed reversedOn reversalReason } }
`);
