import { Module } from '@nestjs/common';
import { TravelDocumentModule } from '../travel-document/travel-document.module.js';
import { CitizenResolver } from './citizen.resolver.js';

/** `Citizen.exitEntry`, the exit-entry section of the citizen 360° view. */
@Module({
  imports: [TravelDocumentModule],
  providers: [CitizenResolver],
})
export class CitizenModule {}
