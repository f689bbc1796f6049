import { Module } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { HttpSmsProvider } from './http-sms-provider.js';
import { RecordingSmsProvider, SMS_PROVIDER, type SmsProvider } from './sms-provider.js';
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
    {
      provide: SMS_PROVIDER,
      inject: [SERVICE_CONFIG, LOGGER, RecordingSmsProvider],
      useFactory: (config: CounterConfig, logger: Logger, recording: RecordingSmsProvider): SmsProvider =>
        config.SMS_PROVIDER === 'http'
          ? new HttpSmsProvider({ url: config.SMS_HTTP_URL!, apiKey: config.SMS_API_KEY!, signature: config.SMS_SIGNATURE, timeoutMs: config.SMS_HTTP_TIMEOUT_MS }, logger)
          : recording,
    },
  ],
  exports: [SmsService],
})
export class SmsModule {}
