import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { HomeVisitOverdueScheduler } from './home-visit-overdue.scheduler.js';
import { HomeVisitSeedService } from './home-visit-seed.service.js';
import { HomeVisitEntity, HomeVisitOfficerEntity } from './home-visit.entities.js';
import { HomeVisitResolver } from './home-visit.resolver.js';
import { HomeVisitService } from './home-visit.service.js';
import { CreateHomeVisits1798100000000 } from './migrations/1798100000000-CreateHomeVisits.js';

/** 上门服务 (出诊式): requests, assignment, schedule, outcome, overdue (issue 11). */
export const HOME_VISIT_ENTITIES: (new (...args: never[]) => unknown)[] = [HomeVisitEntity, HomeVisitOfficerEntity];
export const HOME_VISIT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateHomeVisits1798100000000];

@Module({
  imports: [CatalogModule],
  providers: [HomeVisitSeedService, HomeVisitService, HomeVisitOverdueScheduler, HomeVisitResolver],
})
export class HomeVisitsModule {}
