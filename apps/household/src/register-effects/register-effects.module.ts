import { Module } from '@nestjs/common';
import { RegisterEffectsRepository } from './register-effects.repository.js';
import { RegisterEffectsService } from './register-effects.service.js';

/** Register changes made by approved household applications (used by HouseholdCaseRules). */
@Module({
  providers: [RegisterEffectsRepository, RegisterEffectsService],
  exports: [RegisterEffectsService],
})
export class RegisterEffectsModule {}
