import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import type { PoliceType, ServiceName } from '@onewindow/contracts';
import { ApplicationEntity, ApplicationEventEntity, CatalogPublicationEntity } from './application.entity.js';
import { createCaseworkHandler } from './casework.handler.js';
import { ApplicationRepository } from './casework.repository.js';
import { CASEWORK_OPTIONS } from './casework.options.js';
import { CaseworkService } from './casework.service.js';
import { PoliceTypeCatalogService } from './police-type-catalog.service.js';
import { DeadlineScheduler } from './deadline.scheduler.js';
import { CreateCasework1764100000200 } from './migrations/1764100000200-CreateCasework.js';
import { ApplicationMaterialCheckEntity } from './material-verification.entity.js';
import { AddCaseworkTimeLimits1764950000200 } from './migrations/1764950000200-AddCaseworkTimeLimits.js';
import { CreateApplicationMaterialCheck1796515200000 } from './migrations/1796515200000-CreateApplicationMaterialCheck.js';
import { POLICE_TYPE_RULES, type PoliceTypeRules } from './police-type-rules.js';

export const CASEWORK_ENTITIES = [ApplicationEntity, ApplicationEventEntity, CatalogPublicationEntity, ApplicationMaterialCheckEntity];
export const CASEWORK_MIGRATIONS = [CreateCasework1764100000200, AddCaseworkTimeLimits1764950000200, CreateApplicationMaterialCheck1796515200000];

export const NUMBER_PREFIX: Record<PoliceType, string> = {
  HOUSEHOLD: 'HH',
  EXIT_ENTRY: 'EE',
  TRAFFIC: 'TR',
  PUBLIC_SECURITY: 'PS',
  COMPLAINTS: 'CP',
};

export interface CaseworkRegistration {
  service: ServiceName;
  policeType: PoliceType;
  /** Absolute path of the service's catalog YAML. */
  catalogPath: string;
  rules: Type<PoliceTypeRules>;
  /** Modules the rules class depends on. */
  imports?: ModuleMetadata['imports'];
}

/** The shared casework core, registered once per police-type service with its own rules. */
@Module({})
export class CaseworkModule {
  static register(reg: CaseworkRegistration): DynamicModule {
    return {
      module: CaseworkModule,
      imports: reg.imports ?? [],
      controllers: [createCaseworkHandler(reg.service)],
      providers: [
        { provide: CASEWORK_OPTIONS, useValue: { service: reg.service, policeType: reg.policeType, catalogPath: reg.catalogPath, numberPrefix: NUMBER_PREFIX[reg.policeType] } },
        { provide: POLICE_TYPE_RULES, useClass: reg.rules },
        ApplicationRepository,
        PoliceTypeCatalogService,
        CaseworkService,
        DeadlineScheduler,
      ],
      exports: [CaseworkService, PoliceTypeCatalogService],
    };
  }
}
