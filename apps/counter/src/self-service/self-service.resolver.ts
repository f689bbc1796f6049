import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClientIp, Public } from '@onewindow/platform';
import { CatalogItem } from '../catalog/catalog.model.js';
import { PublicCatalogArgs, PublicCatalogItemArgs, QueryProgressInput, RequestProgressCodeInput } from './dto/self-service.input.js';
import { ProgressCodeRequest, ProgressView } from './self-service.model.js';
import { SelfServiceService } from './self-service.service.js';

/** 自助查询: public, no login — rate-limited and audited in the service. */
@Resolver()
export class SelfServiceResolver {
  constructor(private readonly selfService: SelfServiceService) {}

  @Public()
  @Mutation(() => ProgressCodeRequest, { description: '办理进度查询：向办理时登记的手机发送验证码（公开；答复不透露编号是否存在）' })
  async requestProgressCode(@Args('input') input: RequestProgressCodeInput, @ClientIp() clientIp?: string): Promise<ProgressCodeRequest> {
    return this.selfService.requestCode(input, clientIp);
  }

  @Public()
  @Mutation(() => ProgressView, { description: '办理进度查询：凭受理编号、手机号码和短信验证码查询（公开）' })
  async queryProgress(@Args('input') input: QueryProgressInput, @ClientIp() clientIp?: string): Promise<ProgressView> {
    return this.selfService.query(input, clientIp);
  }

  @Public()
  @Query(() => [CatalogItem], { description: '办事指南：事项目录及六告知（公开，无个人信息）' })
  async publicCatalogItems(@Args() args: PublicCatalogArgs): Promise<CatalogItem[]> {
    return this.selfService.publicCatalog(args.keyword, args.policeType);
  }

  @Public()
  @Query(() => CatalogItem, { description: '办事指南：按编码查看事项六告知（公开）' })
  async publicCatalogItem(@Args() args: PublicCatalogItemArgs): Promise<CatalogItem> {
    return this.selfService.publicCatalogItem(args.code);
  }
}
