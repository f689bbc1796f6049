import { graphql } from '../gql';

// Operations of the public self-service pages: 办理进度查询 and 办事指南 (no login).

export const RequestProgressCodeDocument = graphql(`
  mutation RequestProgressCode($input: RequestProgressCodeInput!) {
    requestProgressCode(input: $input) { message ttlSeconds }
  }
`);

export const QueryProgressDocument = graphql(`
  mutation QueryProgress($input: QueryProgressInput!) {
    queryProgress(input: $input) {
      number itemName status statusLabel deadline acceptedOn unitName resultName pickupPlace pickupAddress pickupTime pickupNotice
    }
  }
`);

export const PublicCatalogDocument = graphql(`
  query PublicCatalog($keyword: String, $policeType: PoliceType) {
    publicCatalogItems(keyword: $keyword, policeType: $policeType) {
      code name aliases policeType category acceptLevels
      fee { formatted }
      promisedTimeLimit { text }
      supervisionPhone
      sixNotices { key title lines }
    }
  }
`);
