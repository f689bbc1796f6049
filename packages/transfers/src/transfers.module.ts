import { type DynamicModule, Module, type ModuleMetadata, type Provider, type Type } from '@nestjs/common';
import type { ServiceName } from '@onewindow/contracts';
import { TransferOverdueScheduler } from './overdue.scheduler.js';
import { TransferConsumers } from './transfer.consumers.js';
import { TransferEntity } from './transfer.entity.js';
import { TransferRepository } from './transfer.repository.js';
import { TRANSFER_OUTCOME_LISTENER, TRANSFER_WORKERS, type TransferOutcomeListener, type TransferWorker } from './transfer-worker.js';
import { createTransfersHandler } from './transfers.handler.js';
import { TRANSFERS_OPTIONS, type TransfersOptions } from './transfers.options.js';
import { TransfersService } from './transfers.service.js';
import { AllowRevokedTransfers1764200000000 } from './migrations/1764200000000-AllowRevokedTransfers.js';
import { CreateTransfers1764100000400 } from './migrations/1764100000400-CreateTransfers.js';

export const TRANSFERS_ENTITIES = [TransferEntity];
export const TRANSFERS_MIGRATIONS = [CreateTransfers1764100000400, AllowRevokedTransfers1764200000000];

export interface TransfersRegistration {
  service: ServiceName;
  /** Automatic handling of inbound kinds (at most one per kind), e.g. the police type's DeathFollowUpWorker. */
  workers?: Type<TransferWorker>[];
  /** Sender-side hook on acknowledgements and results (e.g. household's death case). */
  outcomeListener?: Type<TransferOutcomeListener>;
  /** Modules the workers and the listener depend on. */
  imports?: ModuleMetadata['imports'];
  /** Check officer-requested transfers against the service's casework (default true). */
  verifyCases?: boolean;
}

/**
 * Cross-police-type transfers, registered once per service. Global, so the service's own rules
 * (e.g. casework hooks) can inject TransfersService to open transfers inside their transactions.
 */
@Module({})
export class TransfersModule {
  static register(reg: TransfersRegistration): DynamicModule {
    const workers = reg.workers ?? [];
    const kinds = new Set<string>();
    const options: TransfersOptions = { service: reg.service, verifyCases: reg.verifyCases ?? true };
    const providers: Provider[] = [
      { provide: TRANSFERS_OPTIONS, useValue: options },
      ...workers,
      {
        provide: TRANSFER_WORKERS,
        useFactory: (...instances: TransferWorker[]) => {
          for (const w of instances) {
            if (kinds.has(w.kind)) throw new Error(`two transfer workers registered for kind ${w.kind}`);
            kinds.add(w.kind);
          }
          return instances;
        },
        inject: workers,
      },
      reg.outcomeListener ? { provide: TRANSFER_OUTCOME_LISTENER, useClass: reg.outcomeListener } : { provide: TRANSFER_OUTCOME_LISTENER, useValue: null },
      TransferRepository,
      TransfersService,
      TransferConsumers,
      TransferOverdueScheduler,
    ];
    return {
      module: TransfersModule,
      global: true,
      imports: reg.imports ?? [],
      controllers: [createTransfersHandler(reg.service)],
      providers,
      exports: [TransfersService],
    };
  }
}
