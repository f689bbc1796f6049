import { Args, Query, Resolver } from '@nestjs/graphql';
import { CatalogItemArgs, CatalogItemsArgs } from './dto/catalog-items.args.js';
import { toCatalogItem } from './catalog.mapper.js';
import { CatalogItem } from './catalog.model.js';
import { CatalogIndexService } from './catalog-index.service.js';

/** The unified catalog at the window: any signed-in role may read it (no personal data). */
@Resolver(() => CatalogItem)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogIndexService) {}

  @Query(() => [CatalogItem], { description: '事项目录检索：名称完全匹配 > 名称包含 > 俗称 > 说明' })
  async catalogItems(@Args() args: CatalogItemsArgs): Promise<CatalogItem[]> {
    return (await this.catalog.search(args.keyword, args.policeType)).map((i) => toCatalogItem(i.item, i));
  }

  @Query(() => CatalogItem, { description: '按编码查看事项（六告知全部内容）' })
  async catalogItem(@Args() args: CatalogItemArgs): Promise<CatalogItem> {
    const found = await this.catalog.getItem(args.code);
    return toCatalogItem(found.item, found);
  }
}
