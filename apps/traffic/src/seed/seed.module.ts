import { Module } from '@nestjs/common';
import { DemoTrafficSeedService } from './demo-seed.service.js';

@Module({ providers: [DemoTrafficSeedService] })
export class DemoSeedModule {}
