import { graphql } from '../gql';

// Operations of 首问登记 (first-inquiry records, issue 11).

export const FirstInquiryFieldsFragment = graphql(`
  fragment FirstInquiryFields on FirstInquiry {
    number unitCode unitName officerAccount officerName personName contact masked inquiredAt matter answer directedUnit directedContact outcome
  }
`);

export const FirstInquiriesDocument = graphql(`
  query FirstInquiries($mine: Boolean, $officerAccount: String) {
    firstInquiries(mine: $mine, officerAccount: $officerAccount, limit: 200) { total items { ...FirstInquiryFields } }
  }
`);

export const FirstInquiryCountsDocument = graphql(`
  query FirstInquiryCounts {
    firstInquiryCounts { officerAccount officerName unitCode count }
  }
`);

export const FirstInquiryDocument = graphql(`
  query FirstInquiry($number: String!, $purpose: String!) {
    firstInquiry(number: $number, purpose: $purpose) { ...FirstInquiryFields }
  }
`);

export const RecordFirstInquiryDocument = graphql(`
  mutation RecordFirstInquiry($input: RecordFirstInquiryInput!) {
    recordFirstInquiry(input: $input) { ...FirstInquiryFields }
  }
`);
