import { createUnionType } from '@nestjs/graphql';
import { Application } from '../inbox/application.model.js';
import { OneTimeNotice } from '../one-time-notice/one-time-notice.model.js';

/** Accepted → the Application; materials missing → the OneTimeNotice to print. */
export const AcceptApplicationResult = createUnionType({
  name: 'AcceptApplicationResult',
  description: '受理结果：已受理的申请，或材料不齐时开具的一次性告知单',
  types: () => [Application, OneTimeNotice] as const,
  resolveType: (value: Application | OneTimeNotice) => ('missingMaterials' in value ? OneTimeNotice : Application),
});
