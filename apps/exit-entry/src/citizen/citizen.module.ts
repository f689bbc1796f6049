import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { CitizenResolver } from './citizen.resolver.js';
import { TravelDocumentResolver } from './travel-document.resolver.js';

/** GraphQL reads of the documents register: the citizen 360 section and the audited lookup by number. */
@Module({
  imports: [DocumentsModule],
  providers: [CitizenResolver, TravelDocumentResolver],
})
export class CitizenModule {}
