import { Module } from '@nestjs/common';
import { EvaluationFiguresResolver } from './figures.resolver.js';
import { EvaluationFiguresService } from './figures.service.js';

/** Monthly 好差评 figures per officer, window and unit. */
@Module({ providers: [EvaluationFiguresService, EvaluationFiguresResolver] })
export class EvaluationFiguresModule {}
