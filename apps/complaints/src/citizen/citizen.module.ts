import { Module } from '@nestjs/common';
import { ComplaintModule } from '../complaint/complaint.module.js';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { CitizenComplaintsResolver } from './citizen.section.js';

/** `Citizen.complaints`, the complaints section of the citizen 360° view. */
@Module({
  imports: [ComplaintModule, EvaluationModule],
  providers: [CitizenComplaintsResolver],
})
export class CitizenModule {}
