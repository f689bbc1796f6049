import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module.js';
import { OneTimeNoticeModule } from '../one-time-notice/one-time-notice.module.js';
import { CitizenCounterResolver } from './citizen.section.js';

@Module({ imports: [InboxModule, OneTimeNoticeModule], providers: [CitizenCounterResolver] })
export class CitizenModule {}
