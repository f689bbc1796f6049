import { Directive, Field, ID, Int, ObjectType, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { Role } from '@onewindow/contracts';
import { Roles } from '../auth/decorators.js';
import { HealthService } from '../health/health.service.js';
import { EventConsumerHost } from '../outbox/event-consumer.js';

@ObjectType({ description: '单个服务的运行状态' })
@Directive('@shareable')
export class ServiceHealth {
  @Field() name: string;
  @Field() version: string;
  @Field({ description: '数据库是否可用' }) database: boolean;
  @Field({ description: 'NATS 是否可用' }) nats: boolean;
  @Field(() => Int, { description: '暂存待重试的消息数（消费失败，按退避重试中）' }) parkedMessages: number;
  @Field(() => Int, { description: '死信数（重试用尽，待运维重放或废弃）' }) deadLetters: number;
  @Field() checkedAt: string;
}

/** Federated entity: the counter owns `Query.systemStatus`; every subgraph adds its own field. */
@ObjectType({ description: '系统状态（每个子服务贡献一个字段）' })
@Directive('@key(fields: "id")')
export class SystemStatus {
  @Field(() => ID) id: string;
}

function camel(service: string): string {
  return service.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Resolver contributing `SystemStatus.<service>` (e.g. `exitEntry`) so one query reaches every
 * subgraph through the gateway. The owning subgraph (counter) also serves `Query.systemStatus`.
 */
export function createSystemStatusResolver(service: string, version: string, ownsQuery: boolean): Type<unknown> {
  @Resolver(() => SystemStatus)
  class SystemStatusResolver {
    constructor(readonly health: HealthService, readonly consumers: EventConsumerHost) {}

    @ResolveReference()
    resolveReference(ref: { id: string }): SystemStatus {
      return { id: ref.id };
    }

    // Operations figures (versions, parked and dead messages) are for supervisors and admins; the
    // probes that load balancers use are /health/live and /health/ready.
    @Roles(Role.SUPERVISOR, Role.ADMIN)
    @ResolveField(camel(service), () => ServiceHealth)
    async status(): Promise<ServiceHealth> {
      const h = await this.health.check();
      const parked = h.database ? await this.consumers.parkedCounts().catch(() => ({ pending: -1, dead: -1 })) : { pending: -1, dead: -1 };
      return {
        name: service, version, database: h.database, nats: h.nats,
        parkedMessages: parked.pending, deadLetters: parked.dead, checkedAt: new Date().toISOString(),
      };
    }
  }
  if (ownsQuery) {
    @Resolver(() => SystemStatus)
    class SystemStatusQueryResolver extends SystemStatusResolver {
      @Roles(Role.SUPERVISOR, Role.ADMIN)
      @Query(() => SystemStatus, { description: '各服务运行状态' })
      systemStatus(): SystemStatus {
        return { id: 'system' };
      }
    }
    return SystemStatusQueryResolver;
  }
  return SystemStatusResolver;
}
