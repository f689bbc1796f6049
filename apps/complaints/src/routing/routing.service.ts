import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Identity } from '@onewindow/contracts';
import { AuditService, DomainException, hasRole } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import type { RoutingRuleEntity, RoutingVersionEntity } from './routing.entities.js';
import { RoutingRepository } from './routing.repository.js';
import { route, routingListProblems, type RoutedComplaint, type RoutingRule } from './routing.rules.js';

export interface RoutingOutcome {
  handlingUnitCode: string;
  version: number;
  rule: RoutingRule;
}

export interface RoutingRuleSet {
  version: RoutingVersionEntity;
  rules: RoutingRuleEntity[];
}

/**
 * 分派规则: an ordered list, first match decides the handling unit (承办单位). Everyone who works
 * complaints may read it; a city-level supervisor replaces it as a whole, as a new version
 * (older versions kept; the replacement audited).
 */
@Injectable()
export class RoutingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: RoutingRepository,
    private readonly audit: AuditService,
  ) {}

  /** The handling unit for a complaint being registered, in the intake's transaction. */
  async routeIn(manager: EntityManager, c: RoutedComplaint): Promise<RoutingOutcome> {
    const latest = await this.repo.latestVersion(manager);
    if (!latest) throw new Error('no complaint routing rules published');
    const d = route(await this.repo.rules(manager, latest.version), c);
    return { handlingUnitCode: d.handlingUnitCode, version: latest.version, rule: d.rule };
  }

  async read(actor: Identity, version?: number | null): Promise<RoutingRuleSet> {
    this.assertMayRead(actor);
    const manager = this.dataSource.manager;
    const v = version == null ? await this.repo.latestVersion(manager) : await this.repo.version(manager, version);
    if (!v) throw new ComplaintException(Code.ROUTING_VERSION_NOT_FOUND, `未找到第 ${version} 版分派规则`);
    return { version: v, rules: await this.repo.rules(manager, v.version) };
  }

  async versions(actor: Identity): Promise<RoutingVersionEntity[]> {
    this.assertMayRead(actor);
    return this.repo.versions(this.dataSource.manager);
  }

  /** Publish a new ordered list (the whole list; it must end with a catch-all). */
  async replace(actor: Identity, rules: Omit<RoutingRule, 'position'>[], note: string): Promise<RoutingRuleSet> {
    if (!hasRole(actor, Role.SUPERVISOR) || actor.unitCode.length !== 4) throw DomainException.forbidden('仅市局督察可以修改信访分派规则');
    const problems = routingListProblems(rules);
    if (problems.length) throw new ComplaintException(Code.ROUTING_RULES_INVALID, problems.join('；'), { problems });
    const why = note.trim();
    if (!why) throw new ComplaintException(Code.REASON_REQUIRED, '请填写修改说明');
    return this.dataSource.transaction(async (manager) => {
      // Lock the latest version: two supervisors publishing at once get consecutive versions, not a key clash.
      const latest = await this.repo.latestVersion(manager, { lock: true });
      const version = (latest?.version ?? 0) + 1;
      const rows = rules.map((r, i) => ({
        version, position: i + 1, label: r.label.trim(), kind: r.kind ?? null, policeType: r.policeType ?? null,
        unitPrefix: r.unitPrefix?.trim() || null, target: r.target, targetUnitCode: r.targetUnitCode?.trim() || null,
      }));
      await this.repo.insertVersion(manager, { version, note: why, createdBy: actor.username }, rows);
      await this.audit.record(actor, {
        action: 'COMPLAINT_ROUTING_REPLACED', subjectType: 'COMPLAINT_ROUTING', subjectRef: String(version), purpose: why,
        details: { previousVersion: latest?.version ?? null, rules: rows },
      }, manager);
      return { version: (await this.repo.version(manager, version))!, rules: await this.repo.rules(manager, version) };
    });
  }

  private assertMayRead(actor: Identity): void {
    if (!hasRole(actor, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)) throw DomainException.forbidden('无权查看信访分派规则');
  }
}
