import { Module } from '@nestjs/common';
import { AuditTrailResolver } from './audit-trail.resolver.js';
import { AuditTrailService } from './audit-trail.service.js';

/**
 * The supervisors' audit trail (审计查询) across the six services: fan-out over NATS to each
 * service's own audit log (docs/decisions/0019-audit-trail-query.md). No tables of its own: the
 * audit_log indexes come with the platform's migrations.
 */
export const AUDIT_TRAIL_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const AUDIT_TRAIL_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({ providers: [AuditTrailService, AuditTrailResolver] })
export class AuditTrailModule {}
