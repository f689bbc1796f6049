import { Module } from '@nestjs/common';
import { LostFoundModule } from '../lost-found/lost-found.module.js';
import { PermitModule } from '../permit/permit.module.js';
import { CitizenResolver } from './citizen.resolver.js';
import { CitizenSectionService } from './citizen.service.js';

@Module({
  imports: [PermitModule, LostFoundModule],
  providers: [CitizenSectionService, CitizenResolver],
})
export class CitizenModule {}
