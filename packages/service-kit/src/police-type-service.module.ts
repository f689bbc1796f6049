import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule, type PoliceTypeRules } from '@onewindow/casework';
import type { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type PlatformFeatures, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule, type TransferOutcomeListener, type TransferWorker } from '@onewindow/transfers';

type ModuleImports = NonNullable<ModuleMetadata['imports']>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

/** What makes one police-type service what it is; everything else is the same for all of them. */
export interface PoliceTypeServiceParts {
  service: ServiceName;
  policeType: PoliceType;
  /** Absolute path of the service's catalog YAML (事项目录). */
  catalogPath: string;
  /** The police type's casework rules (acceptance checks, transition hooks). */
  rules: Type<PoliceTypeRules>;
  /**
   * One module per register the service keeps (e.g. driving licences, vehicles, violations), each
   * exporting its repository and service. The rules, transfer workers and outcome listener may
   * inject what they export.
   */
  registers: ModuleImports;
  /**
   * The service's other features: the citizen-360 section, its part in the death follow-up, its
   * own platforms (lost and found). Visible to the rules, workers and listener as registers are.
   */
  features?: ModuleImports;
  /** Tables and migrations the service owns (the casework core and transfers add their own). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Federation entities this subgraph only extends (e.g. `Citizen`) and no local query returns. */
  orphanedTypes?: ClassList;
  /**
   * Automatic handling of inbound transfers, at most one worker per kind (e.g. the police type's
   * DEATH_FOLLOW_UP worker). None: every inbound transfer waits for an officer.
   */
  transferWorkers?: Type<TransferWorker>[];
  /** Sender-side hook on the acknowledgements and results of this service's own transfers. */
  transferOutcomeListener?: Type<TransferOutcomeListener>;
  /** Boot-time demo data (never in production: the seed module decides by APP_MODE). */
  seed?: ModuleImports[number];
}

/**
 * A police-type service (户政, 出入境, 交管, 治安, later 信访投诉) from its parts: the platform kit
 * with the service's tables plus the casework and transfers tables, the casework core with its
 * rules and catalog, cross-police-type transfers with its workers, then its registers, features
 * and seed. Each service's app module states only what is its own.
 */
@Module({})
export class PoliceTypeServiceModule {
  static forRoot(rt: ServiceRuntime, parts: PoliceTypeServiceParts): DynamicModule {
    const own: ModuleImports = [...parts.registers, ...(parts.features ?? [])];
    return {
      module: PoliceTypeServiceModule,
      imports: [
        PlatformModule.forRoot(rt, platformFeaturesOf(parts)),
        ...own,
        CaseworkModule.register({
          service: parts.service,
          policeType: parts.policeType,
          catalogPath: parts.catalogPath,
          rules: parts.rules,
          imports: own,
        }),
        TransfersModule.register({
          service: parts.service,
          workers: parts.transferWorkers,
          outcomeListener: parts.transferOutcomeListener,
          imports: own,
        }),
        ...(parts.seed ? [parts.seed] : []),
      ],
    };
  }
}

/** The service's tables and migrations, then those of the casework core and of transfers. */
export function platformFeaturesOf(parts: Pick<PoliceTypeServiceParts, 'entities' | 'migrations' | 'orphanedTypes'>): PlatformFeatures {
  return {
    entities: [...parts.entities, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
    migrations: [...parts.migrations, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
    orphanedTypes: parts.orphanedTypes ?? [],
  };
}
