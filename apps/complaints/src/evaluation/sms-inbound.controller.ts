import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { DomainException, LOGGER, Public, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { IsString, Length, MaxLength } from 'class-validator';
import type { ComplaintsConfig } from '../config.js';
import { EvaluationErrorCode as Code } from './evaluation.exception.js';
import { verifyInboundSms } from './evaluation.rules.js';
import { EvaluationService } from './evaluation.service.js';

/** The SMS provider's inbound reply (上行短信), as it posts it. */
export class InboundSmsBody {
  @IsString() @Length(1, 100) messageId: string;
  @IsString() @Length(5, 20) from: string;
  @IsString() @MaxLength(500) text: string;
}

interface HttpReply {
  status(code: number): unknown;
}

/**
 * POST /sms/inbound: replies to the evaluation SMS ("回复1满意 2基本满意 3不满意"). Not behind the
 * gateway's login: the provider authenticates each request with an HMAC-SHA256 of
 * `timestamp\nmessageId\nfrom\ntext` under SMS_INBOUND_SECRET (headers `x-sms-timestamp`, Unix
 * seconds, and `x-sms-signature`, hex), within SMS_INBOUND_MAX_SKEW_SECONDS of now. Without a
 * configured secret every reply is refused (production does not boot without one).
 */
@Controller('sms')
export class SmsInboundController {
  constructor(
    private readonly evaluations: EvaluationService,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public() // authenticated by the provider's signature below, not by a user token
  @Post('inbound')
  @HttpCode(200)
  async inbound(
    @Body() body: InboundSmsBody,
    @Headers('x-sms-timestamp') timestamp: string | undefined,
    @Headers('x-sms-signature') signature: string | undefined,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<{ outcome: string; level?: string; callbackOpened?: boolean } | { error: { code: string; message: string } }> {
    const secret = this.config.SMS_INBOUND_SECRET;
    // Real time, not the business clock: the signature window is about transport replay.
    const check = secret ? verifyInboundSms(secret, timestamp, signature, body, Date.now(), this.config.SMS_INBOUND_MAX_SKEW_SECONDS) : 'MISSING';
    if (check !== 'OK') {
      this.logger.warn({ messageId: body.messageId, check, configured: !!secret }, 'inbound SMS refused: signature');
      res.status(401);
      return { error: { code: Code.EVALUATION_SMS_SIGNATURE_INVALID, message: secret ? '短信平台签名无效或已过期' : '未配置短信上行密钥' } };
    }
    try {
      return await this.evaluations.takeSmsReply(body);
    } catch (err) {
      if (err instanceof DomainException) {
        res.status(422);
        return { error: { code: err.code, message: err.message } };
      }
      throw err;
    }
  }
}
