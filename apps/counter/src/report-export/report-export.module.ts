import { Module } from '@nestjs/common';

/** Exports of the monthly figures (月报导出) (placeholder: filled in by issue 10). */
export const REPORT_EXPORT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const REPORT_EXPORT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({})
export class ReportExportModule {}
