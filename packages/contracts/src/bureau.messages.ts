import { IsInt, IsUUID, Matches, Min } from 'class-validator';
import { REPORT_MONTH } from './report.messages.js';

/**
 * `counter.v1.report.closed`: a district deployment closed a month (月报结账) and stored version
 * `version` of its DistrictMonthReport. No figures ride on the event: the push consumer reads the
 * stored snapshot by id, so the bytes signed and sent are the ones kept.
 */
export class ReportClosedEvent {
  @IsUUID() reportId!: string;
  @Matches(/^\d{6}$/) districtCode!: string;
  @Matches(REPORT_MONTH) month!: string;
  @IsInt() @Min(1) version!: number;
}

/** HTTP headers of a signed push to the city bureau (decision 0017). */
export const BUREAU_PUSH_HEADERS = {
  district: 'x-onewindow-district',
  keyId: 'x-onewindow-key-id',
  timestamp: 'x-onewindow-timestamp',
  signature: 'x-onewindow-signature',
} as const;

/** Content type of a push body (canonical JSON of a DistrictMonthReport). Not `application/json`, so the body parser leaves the signed bytes alone. */
export const BUREAU_PUSH_CONTENT_TYPE = 'application/vnd.onewindow.district-month-report+json';
