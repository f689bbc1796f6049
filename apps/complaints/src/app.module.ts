import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { AnalysisModule } from './analysis/analysis.module.js';
import { TransfersModule } from '@onewindow/transfers';
import { ChannelsModule } from './channels/channels.module.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { CitizenRef } from './citizen/citizen.section.js';
import { CallbackModule } from './callback/callback.module.js';
import { ComplaintModule } from './complaint/complaint.module.js';
import { DeductionModule } from './deduction/deduction.module.js';
import { EvaluationFiguresModule } from './evaluation-figures/figures.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { ComplaintTransferOutcomeListener } from './complaint-transfer/complaint-transfer.service.js';
import { ComplaintTransferModule } from './complaint-transfer/complaint-transfer.module.js';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from './complaints.schema.js';

/**
 * The complaints service (信访投诉): the platform kit and its own registers. Not a police-type
 * service: complaints are not applications (no catalog, no casework lifecycle), so it does not use
 * PoliceTypeServiceModule (docs/decisions/0012-complaints-service-shape.md).
 */
@Module({})
export class ComplaintsAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ComplaintsAppModule,
      imports: [
        PlatformModule.forRoot(rt, { entities: COMPLAINTS_ENTITIES, migrations: COMPLAINTS_MIGRATIONS, orphanedTypes: [CitizenRef] }),
        ComplaintModule,
        CitizenModule,
        DeductionModule,
        AnalysisModule,
        EvaluationModule,
        CallbackModule,
        EvaluationFiguresModule,
        ChannelsModule,
        // Complaints send complaints for verification (信访核查) and receive transfers; no casework to verify case numbers against.
        TransfersModule.register({ service: ServiceName.COMPLAINTS, verifyCases: false, outcomeListener: ComplaintTransferOutcomeListener, imports: [ComplaintModule] }),
        ComplaintTransferModule,
      ],
    };
  }
}
