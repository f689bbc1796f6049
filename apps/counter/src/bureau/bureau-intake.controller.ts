import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { BUREAU_PUSH_HEADERS } from '@onewindow/contracts';
import { DomainException, LOGGER, Public, readRawBody, SERVICE_CONFIG, type RawHttpRequest, type Logger } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { BureauErrorCode } from './bureau.exception.js';
import { BureauIntakeService } from './bureau-intake.service.js';

type Reply = { status(code: number): Reply; json(body: unknown): void };

/** A month of a whole district is at most a few thousand rows; 200,000 rows is the contract's ceiling (~100 MB is not plausible). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const STATUS: Partial<Record<string, number>> = {
  [BureauErrorCode.BUREAU_SIGNATURE_INVALID]: 401,
  [BureauErrorCode.BUREAU_DISTRICT_UNKNOWN]: 403,
  [BureauErrorCode.BUREAU_VERSION_CONFLICT]: 409,
  [BureauErrorCode.BUREAU_REPORT_INVALID]: 422,
};

/**
 * POST /bureau/reports — a district deployment pushes a closed month (bureau mode only). @Public for
 * the identity guard: the caller is a district system, authenticated here by its Ed25519 signature.
 * Answers 200 (stored or identical duplicate), 401/403/409/422 with `{code, message}` for refusals
 * the district must not retry, 404 outside bureau mode.
 */
@Controller('bureau')
export class BureauIntakeController {
  constructor(
    private readonly intake: BureauIntakeService,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Post('reports')
  @HttpCode(200)
  async push(@Req() req: RawHttpRequest, @Res() res: Reply): Promise<void> {
    if (this.config.BUREAU_MODE !== 'true') return res.status(404).json({ code: BureauErrorCode.BUREAU_MODE_ONLY, message: '本部署不是市局汇总端' });
    const body = await readRawBody(req, MAX_BODY_BYTES);
    if (body === undefined) return res.status(413).json({ code: BureauErrorCode.BUREAU_REPORT_INVALID, message: `请求体超过 ${MAX_BODY_BYTES} 字节` });
    const header = (name: string) => { const v = req.headers[name]; return Array.isArray(v) ? v[0] : v; };
    try {
      const receipt = await this.intake.receive({
        district: header(BUREAU_PUSH_HEADERS.district), keyId: header(BUREAU_PUSH_HEADERS.keyId),
        timestamp: header(BUREAU_PUSH_HEADERS.timestamp), signature: header(BUREAU_PUSH_HEADERS.signature),
      }, body, Math.floor(Date.now() / 1000)); // wall-clock: the replay window is about the request
      res.status(200).json(receipt);
    } catch (err) {
      if (err instanceof DomainException && STATUS[err.code]) {
        this.logger.warn({ code: err.code, district: header(BUREAU_PUSH_HEADERS.district) }, 'district push refused');
        return res.status(STATUS[err.code]!).json({ code: err.code, message: err.message });
      }
      throw err;
    }
  }
}
