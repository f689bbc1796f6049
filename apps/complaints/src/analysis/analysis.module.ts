import { Module } from '@nestjs/common';
import { AnalysisRepository } from './analysis.repository.js';
import { AnalysisResolver } from './analysis.resolver.js';
import { AnalysisService } from './analysis.service.js';

/** 信访投诉月度分析 with its XLSX / CSV exports. */
@Module({ providers: [AnalysisRepository, AnalysisService, AnalysisResolver], exports: [AnalysisService] })
export class AnalysisModule {}
