import { Module } from '@nestjs/common';
import { DocumentIssuingService } from './document-issuing.service.js';
import { DocumentQueryService } from './document-query.service.js';
import { DocumentRegisterRepository } from './document-register.repository.js';
import { TravelDocumentResolver } from './travel-document.resolver.js';

/**
 * The travel-documents register (passports, permits, endorsements) and its audited lookup by
 * number; the casework rules and the citizen section use it (platform services are global).
 */
@Module({
  providers: [DocumentRegisterRepository, DocumentIssuingService, DocumentQueryService, TravelDocumentResolver],
  exports: [DocumentRegisterRepository, DocumentIssuingService, DocumentQueryService],
})
export class TravelDocumentModule {}
