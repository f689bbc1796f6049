import { Module } from '@nestjs/common';
import { FindingOverdueScheduler } from './inspection/finding-overdue.scheduler.js';
import { InspectionService } from './inspection/inspection.service.js';
import { CreateSupervision1797500000000 } from './migrations/1797500000000-CreateSupervision.js';
import { RandomInspectionService } from './random-inspection/random-inspection.service.js';
import { SupervisionSeedService } from './supervision-seed.service.js';
import {
  SupervisionDrawCaseEntity, SupervisionDrawEntity, SupervisionFindingEntity, SupervisionInspectionEntity, SupervisionInspectorEntity, SupervisionTemplateEntity,
} from './supervision.entities.js';
import { SupervisionResolver } from './supervision.resolver.js';

/** Supervision (督察): inspections against versioned checklists, findings to closure, 双随机一公开. */
export const SUPERVISION_ENTITIES: (new (...args: never[]) => unknown)[] = [
  SupervisionTemplateEntity, SupervisionInspectionEntity, SupervisionFindingEntity, SupervisionInspectorEntity, SupervisionDrawEntity, SupervisionDrawCaseEntity,
];
export const SUPERVISION_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateSupervision1797500000000];

@Module({
  providers: [SupervisionSeedService, InspectionService, FindingOverdueScheduler, RandomInspectionService, SupervisionResolver],
})
export class SupervisionModule {}
