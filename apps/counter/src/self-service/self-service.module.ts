import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ServicePointsModule } from '../service-points/service-points.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { SelfServiceRepository } from './self-service.repository.js';
import { SelfServiceResolver } from './self-service.resolver.js';
import { SelfServiceService } from './self-service.service.js';

/** 自助查询: public progress query and the public catalog with 六告知 (issue 11, decision 0024). No tables of its own. */
export const SELF_SERVICE_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const SELF_SERVICE_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  imports: [CatalogModule, ServicePointsModule, SmsModule],
  providers: [SelfServiceRepository, SelfServiceService, SelfServiceResolver],
})
export class SelfServiceModule {}
