import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { AcceptRequestEntity } from './acceptance/accept-request.entity.js';
import { AcceptanceModule } from './acceptance/acceptance.module.js';
import { DemoLoginResolver, MeResolver } from './auth/auth.resolver.js';
import { GatewaySignInResolver } from './auth/gateway-sign-in.resolver.js';
import { CatalogItemEntity } from './catalog/catalog-item.entity.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CounterCommonModule } from './common/common.module.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { CitizenRef } from './citizen/citizen.section.js';
import { InboxApplicationEntity } from './inbox/inbox-application.entity.js';
import { InboxModule } from './inbox/inbox.module.js';
import { CreateCounterCasework1764100000200 } from './migrations/1764100000200-CreateCounterCasework.js';
import { WidenSmsTrigger1764100000900 } from './migrations/1764100000900-WidenSmsTrigger.js';
import { InboxDeadlineOrderIndex1798500000000 } from './migrations/1798500000000-InboxDeadlineOrderIndex.js';
import { InboxJurisdictionIndex1798300000000 } from './migrations/1798300000000-InboxJurisdictionIndex.js';
import { OneTimeNoticeEntity } from './one-time-notice/one-time-notice.entity.js';
import { OneTimeNoticeModule } from './one-time-notice/one-time-notice.module.js';
import { RegisterCheckResolver } from './register-check/register-check.resolver.js';
import { WorkingDaysResolver } from './calendar/working-days.resolver.js';
import { PoliceUnitsResolver } from './units/police-units.resolver.js';
import { SmsMessageEntity } from './sms/sms-message.entity.js';
import { SmsModule } from './sms/sms.module.js';
import { TransitionModule } from './transition/transition.module.js';
import { AUDIT_TRAIL_ENTITIES, AUDIT_TRAIL_MIGRATIONS, AuditTrailModule } from './audit-trail/audit-trail.module.js';
import { BUREAU_ENTITIES, BUREAU_MIGRATIONS, BureauModule } from './bureau/bureau.module.js';
import { REPORT_ENTITIES, REPORT_MIGRATIONS, ReportModule } from './report/report.module.js';
import { REPORT_EXPORT_ENTITIES, REPORT_EXPORT_MIGRATIONS, ReportExportModule } from './report-export/report-export.module.js';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS, SupervisionModule } from './supervision/supervision.module.js';
import { QUEUE_ENTITIES, QUEUE_MIGRATIONS, QueueModule } from './queue/queue.module.js';
import { QUEUE_BALANCING_ENTITIES, QUEUE_BALANCING_MIGRATIONS, QueueBalancingModule } from './queue-balancing/queue-balancing.module.js';
import { APPOINTMENT_ENTITIES, APPOINTMENT_MIGRATIONS, AppointmentsModule } from './appointments/appointments.module.js';
import { SERVICE_POINT_ENTITIES, SERVICE_POINT_MIGRATIONS, ServicePointsModule } from './service-points/service-points.module.js';
import { SELF_SERVICE_ENTITIES, SELF_SERVICE_MIGRATIONS, SelfServiceModule } from './self-service/self-service.module.js';
import { HOME_VISIT_ENTITIES, HOME_VISIT_MIGRATIONS, HomeVisitsModule } from './home-visits/home-visits.module.js';
import { FIRST_INQUIRY_ENTITIES, FIRST_INQUIRY_MIGRATIONS, FirstInquiryModule } from './first-inquiry/first-inquiry.module.js';
import { TRANSFER_VIEW_ENTITIES, TRANSFER_VIEW_MIGRATIONS, TransfersModule } from './transfers/transfers.module.js';

@Module({})
export class CounterAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    // The built-in login is absent from the schema in production mode.
    const auth: Provider[] = rt.config.APP_MODE === 'production' ? [MeResolver, GatewaySignInResolver] : [MeResolver, DemoLoginResolver, GatewaySignInResolver];
    return {
      module: CounterAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [CatalogItemEntity, AcceptRequestEntity, OneTimeNoticeEntity, InboxApplicationEntity, SmsMessageEntity, ...TRANSFER_VIEW_ENTITIES,
            ...REPORT_ENTITIES, ...REPORT_EXPORT_ENTITIES, ...BUREAU_ENTITIES, ...SUPERVISION_ENTITIES, ...AUDIT_TRAIL_ENTITIES,
            ...QUEUE_ENTITIES, ...QUEUE_BALANCING_ENTITIES, ...APPOINTMENT_ENTITIES, ...SERVICE_POINT_ENTITIES, ...SELF_SERVICE_ENTITIES, ...HOME_VISIT_ENTITIES, ...FIRST_INQUIRY_ENTITIES],
          migrations: [CreateCounterCasework1764100000200, WidenSmsTrigger1764100000900, ...TRANSFER_VIEW_MIGRATIONS,
            // issue 10, in timestamp order: report 17973…, report-export/bureau 17974…, supervision 17975…, audit-trail 17976…
            ...REPORT_MIGRATIONS, ...REPORT_EXPORT_MIGRATIONS, ...BUREAU_MIGRATIONS, ...SUPERVISION_MIGRATIONS, ...AUDIT_TRAIL_MIGRATIONS,
            // issue 11, in timestamp order: queue 17977…, queue-balancing 17978…, appointments 17979…, service points/self-service 17980…, home visits/first inquiry 17981…
            ...QUEUE_MIGRATIONS, ...QUEUE_BALANCING_MIGRATIONS, ...APPOINTMENT_MIGRATIONS, ...SERVICE_POINT_MIGRATIONS, ...SELF_SERVICE_MIGRATIONS, ...HOME_VISIT_MIGRATIONS, ...FIRST_INQUIRY_MIGRATIONS,
            // issue 14 (decisions 0037, 0040): 17983…, 17985…
            InboxJurisdictionIndex1798300000000, InboxDeadlineOrderIndex1798500000000],
          orphanedTypes: [CitizenRef],
        }),
        CounterCommonModule,
        CatalogModule,
        SmsModule,
        InboxModule,
        OneTimeNoticeModule,
        AcceptanceModule,
        TransitionModule,
        TransfersModule,
        CitizenModule,
        ReportModule,
        ReportExportModule,
        BureauModule,
        SupervisionModule,
        AuditTrailModule,
        QueueModule,
        QueueBalancingModule,
        AppointmentsModule,
        ServicePointsModule,
        SelfServiceModule,
        HomeVisitsModule,
        FirstInquiryModule,
      ],
      providers: [...auth, RegisterCheckResolver, WorkingDaysResolver, PoliceUnitsResolver],
    };
  }
}
