import { Module } from '@nestjs/common';
import { ReportModule } from '../report/report.module.js';
import { BureauCityService } from './bureau-city.service.js';
import { BureauIntakeController } from './bureau-intake.controller.js';
import { BureauIntakeService } from './bureau-intake.service.js';
import { BureauReportEntity, ReportCloseEntity } from './bureau.entities.js';
import { BureauReportRepository, ReportCloseRepository } from './bureau.repository.js';
import { BureauResolver } from './bureau.resolver.js';
import { CreateBureauReports1797400000100 } from './migrations/1797400000100-CreateBureauReports.js';
import { MonthCloseService } from './month-close.service.js';
import { ReportPushHandler } from './report-push.handler.js';
import { ReportPushService } from './report-push.service.js';

/** Month close and push to the city bureau (月报报送), and the bureau side (全市汇总) — decision 0017. */
export const BUREAU_ENTITIES: (new (...args: never[]) => unknown)[] = [ReportCloseEntity, BureauReportEntity];
export const BUREAU_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateBureauReports1797400000100];

@Module({
  imports: [ReportModule],
  controllers: [BureauIntakeController],
  providers: [ReportCloseRepository, BureauReportRepository, MonthCloseService, ReportPushService, ReportPushHandler, BureauIntakeService, BureauCityService, BureauResolver],
})
export class BureauModule {}
