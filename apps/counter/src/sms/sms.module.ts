import { Module } from '@nestjs/common';
import { RecordingSmsProvider, SMS_PROVIDER } from './sms-provider.js';
import { SmsSenderHandler } from './sms-sender.handler.js';
import { NotificationHandler } from './notification.handler.js';
import { SmsSenderService } from './sms-sender.service.js';
import { SmsRepository } from './sms.repository.js';
import { SmsResolver } from './sms.resolver.js';
import { SmsService } from './sms.service.js';

@Module({
  providers: [
    SmsRepository,
    SmsService,
    SmsSenderService,
    SmsSenderHandler,
    NotificationHandler,
    SmsResolver,
    RecordingSmsProvider,
    // SMS_PROVIDER=recording is the only provider so far; a carrier adapter plugs in here.
    { provide: SMS_PROVIDER, useExisting: RecordingSmsProvider },
  ],
  exports: [SmsService],
})
export class SmsModule {}
