import { Module } from '@nestjs/common';
import { IdCardRepository } from './id-card.repository.js';

/** The resident ID card register (居民身份证): issued cards and their validity, kept by the casework rules. */
@Module({
  providers: [IdCardRepository],
  exports: [IdCardRepository],
})
export class IdCardModule {}
