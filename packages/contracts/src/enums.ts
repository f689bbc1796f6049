import { registerEnumType } from '@nestjs/graphql';

/** Police type (警种). COMPLAINTS is the 信访投诉 line, handled like a police type at the window. */
export enum PoliceType {
  HOUSEHOLD = 'HOUSEHOLD', // 户政
  EXIT_ENTRY = 'EXIT_ENTRY', // 出入境
  TRAFFIC = 'TRAFFIC', // 交管
  PUBLIC_SECURITY = 'PUBLIC_SECURITY', // 治安
  COMPLAINTS = 'COMPLAINTS', // 信访投诉
}

export const POLICE_TYPE_LABELS: Record<PoliceType, string> = {
  [PoliceType.HOUSEHOLD]: '户政',
  [PoliceType.EXIT_ENTRY]: '出入境',
  [PoliceType.TRAFFIC]: '交管',
  [PoliceType.PUBLIC_SECURITY]: '治安',
  [PoliceType.COMPLAINTS]: '信访投诉',
};

/** Roles carried in an identity. An OFFICER also carries the police type they work for. */
export enum Role {
  CLERK = 'CLERK', // 窗口民警/辅警
  OFFICER = 'OFFICER', // 后台审批民警
  SUPERVISOR = 'SUPERVISOR', // 督察
  ANALYST = 'ANALYST', // 市局分析
  ADMIN = 'ADMIN',
}

/** The six services; names are also the federation subgraph names. */
export enum ServiceName {
  COUNTER = 'counter',
  HOUSEHOLD = 'household',
  EXIT_ENTRY = 'exit-entry',
  TRAFFIC = 'traffic',
  PUBLIC_SECURITY = 'public-security',
  COMPLAINTS = 'complaints',
}

export const SERVICE_OF_POLICE_TYPE: Record<PoliceType, ServiceName> = {
  [PoliceType.HOUSEHOLD]: ServiceName.HOUSEHOLD,
  [PoliceType.EXIT_ENTRY]: ServiceName.EXIT_ENTRY,
  [PoliceType.TRAFFIC]: ServiceName.TRAFFIC,
  [PoliceType.PUBLIC_SECURITY]: ServiceName.PUBLIC_SECURITY,
  [PoliceType.COMPLAINTS]: ServiceName.COMPLAINTS,
};

registerEnumType(PoliceType, { name: 'PoliceType', description: '警种' });
registerEnumType(Role, { name: 'Role', description: '角色' });
