import { graphql } from '../gql';

// 系统状态 (system status, issue 13): each service's database, NATS, parked messages and dead letters.

export const SystemStatusDocument = graphql(`
  query SystemStatus {
    systemStatus {
      id
      counter { ...ServiceHealthFields }
      household { ...ServiceHealthFields }
      exitEntry { ...ServiceHealthFields }
      traffic { ...ServiceHealthFields }
      publicSecurity { ...ServiceHealthFields }
      complaints { ...ServiceHealthFields }
    }
  }
  fragment ServiceHealthFields on ServiceHealth {
    name version database nats parkedMessages deadLetters checkedAt
  }
`);
