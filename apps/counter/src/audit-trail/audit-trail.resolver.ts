import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { AuditTrailArgs, AuditTrailExportArgs, AuditTrailFile, AuditTrailPage } from './audit-trail.model.js';
import { AuditTrailService } from './audit-trail.service.js';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly service: AuditTrailService) {}

  @Roles(Role.SUPERVISOR, Role.ADMIN)
  @Query(() => AuditTrailPage, { description: '审计查询：六个服务的审计记录（谁在何时因何查看或修改了谁的数据），按时间倒序分页；督察本辖区；查询本身留痕' })
  auditTrail(@Args() args: AuditTrailArgs, @CurrentIdentity() actor: Identity): Promise<AuditTrailPage> {
    return this.service.page(actor, args.filter, args.first, args.after, args.unmasked);
  }

  @Roles(Role.SUPERVISOR, Role.ADMIN)
  @Query(() => AuditTrailFile, { description: '导出审计查询结果（Excel 或 CSV，最多 5000 条；导出本身留痕）' })
  auditTrailExport(@Args() args: AuditTrailExportArgs, @CurrentIdentity() actor: Identity): Promise<AuditTrailFile> {
    return this.service.export(actor, args.filter, args.format, args.unmasked);
  }
}
