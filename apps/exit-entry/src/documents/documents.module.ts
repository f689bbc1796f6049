import { Module } from '@nestjs/common';
import { DocumentIssuingService } from './document-issuing.service.js';
import { DocumentQueryService } from './document-query.service.js';
import { DocumentRegisterRepository } from './document-register.repository.js';

/** The documents register; the casework rules and the citizen section use it (platform services are global). */
@Module({
  providers: [DocumentRegisterRepository, DocumentIssuingService, DocumentQueryService],
  exports: [DocumentRegisterRepository, DocumentIssuingService, DocumentQueryService],
})
export class DocumentsModule {}
