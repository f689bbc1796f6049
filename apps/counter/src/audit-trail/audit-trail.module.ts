import { Module } from '@nestjs/common';

/** The supervisors' audit trail query across services (placeholder: filled in by issue 10). */
export const AUDIT_TRAIL_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const AUDIT_TRAIL_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({})
export class AuditTrailModule {}
