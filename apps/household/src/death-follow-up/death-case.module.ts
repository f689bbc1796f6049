import { Module } from '@nestjs/common';
import { DeathCaseService } from './death-case.service.js';

/**
 * The death case's service, shared by the casework rules (open, gate) and the transfers outcome
 * listener. TransfersService comes from the global TransfersModule.
 */
@Module({
  providers: [DeathCaseService],
  exports: [DeathCaseService],
})
export class DeathCaseModule {}
