import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CreateServicePoints1798000000000 } from './migrations/1798000000000-CreateServicePoints.js';
import { ServicePointEntity } from './service-point.entity.js';
import { ServicePointsRepository } from './service-points.repository.js';
import { CatalogItemPointResolver, ServicePointsResolver } from './service-points.resolver.js';
import { ServicePointsService } from './service-points.service.js';

/** 三级窗口: district hall, street and community points; delegated items (issue 11, decision 0024). */
export const SERVICE_POINT_ENTITIES: (new (...args: never[]) => unknown)[] = [ServicePointEntity];
export const SERVICE_POINT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateServicePoints1798000000000];

@Module({
  imports: [CatalogModule],
  providers: [ServicePointsRepository, ServicePointsService, ServicePointsResolver, CatalogItemPointResolver],
  exports: [ServicePointsService],
})
export class ServicePointsModule {}
