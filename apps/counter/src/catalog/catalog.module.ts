import { Module } from '@nestjs/common';
import { CatalogHandler } from './catalog.handler.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogIndexService } from './catalog-index.service.js';

@Module({
  providers: [CatalogRepository, CatalogIndexService, CatalogResolver, CatalogHandler],
  exports: [CatalogIndexService],
})
export class CatalogModule {}
