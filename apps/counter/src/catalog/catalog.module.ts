import { Module } from '@nestjs/common';
import { CatalogHandler } from './catalog.handler.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';

@Module({
  providers: [CatalogRepository, CatalogService, CatalogResolver, CatalogHandler],
  exports: [CatalogService],
})
export class CatalogModule {}
