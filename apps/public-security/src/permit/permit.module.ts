import { Module } from '@nestjs/common';
import { PermitRepository } from './permit.repository.js';
import { PermitResolver } from './permit.resolver.js';
import { PermitService } from './permit.service.js';

@Module({
  providers: [PermitRepository, PermitService, PermitResolver],
  // PublicSecurityRules (casework) issues permits; the citizen section reads them.
  exports: [PermitRepository, PermitService],
})
export class PermitModule {}
