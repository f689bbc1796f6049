import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module.js';
import { TransitionResolver } from './transition.resolver.js';
import { TransitionService } from './transition.service.js';

@Module({
  imports: [InboxModule],
  providers: [TransitionService, TransitionResolver],
})
export class TransitionModule {}
