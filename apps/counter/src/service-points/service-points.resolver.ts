import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ServicePointLevel } from '@onewindow/catalog';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, IDENTITY_KEY, Public, Roles } from '@onewindow/platform';
import { CatalogItem } from '../catalog/catalog.model.js';
import { ServicePointAvailability, ServicePointFigures, ServicePointFiguresArgs, ServicePointTree } from './service-points.model.js';
import { ServicePointsService } from './service-points.service.js';

/** 服务网点: the point tree of the caller's district and figures per point (counts only, no personal data). */
@Resolver()
export class ServicePointsResolver {
  constructor(private readonly points: ServicePointsService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ServicePointTree, { description: '本辖区三级窗口网点树及各层级可受理事项' })
  async servicePointTree(@CurrentIdentity() actor: Identity): Promise<ServicePointTree> {
    return this.points.tree(actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ServicePointFigures, { description: '各网点、各层级受理件数（按辖区统计）' })
  async servicePointFigures(@Args() args: ServicePointFiguresArgs, @CurrentIdentity() actor: Identity): Promise<ServicePointFigures> {
    return this.points.figures(actor, args.from, args.to);
  }
}

/** Marks catalog items the caller's point does not take (不在本网点受理 → 请到 …); null for public readers. */
@Resolver(() => CatalogItem)
export class CatalogItemPointResolver {
  constructor(private readonly points: ServicePointsService) {}

  // Public: the public guide shows the same items; an anonymous reader gets null.
  @Public()
  @ResolveField(() => ServicePointAvailability, { nullable: true, description: '本网点能否受理（三级窗口）；未登录或无网点数据时为空' })
  async pointAvailability(@Parent() item: CatalogItem, @Context() ctx: { req?: Record<string, unknown> }): Promise<ServicePointAvailability | null> {
    const identity = ctx.req?.[IDENTITY_KEY] as Identity | undefined;
    return this.points.availability(identity && identity.sub !== 'anonymous' ? identity : undefined, { acceptLevels: item.acceptLevels as ServicePointLevel[] });
  }
}
