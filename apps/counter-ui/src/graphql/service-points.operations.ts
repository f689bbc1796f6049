import { graphql } from '../gql';

// Operations of 服务网点 (三级窗口) and the catalog marks at the clerk's point.

export const ServicePointTreeDocument = graphql(`
  query ServicePointTree {
    servicePointTree {
      myPointCode
      points { code name level levelLabel parentCode address openingHours }
      levels { level label pointCount items { code name policeType category } }
    }
  }
`);

export const ServicePointFiguresDocument = graphql(`
  query ServicePointFigures($from: String!, $to: String!) {
    servicePointFigures(from: $from, to: $to) {
      from to total
      levels { level label accepted }
      points { pointCode pointName level accepted byPoliceType { policeType accepted } }
    }
  }
`);

export const CatalogPointMarksDocument = graphql(`
  query CatalogPointMarks {
    catalogItems { code pointAvailability { acceptedHere pointName nearestPointCode nearestPointName hint } }
  }
`);
