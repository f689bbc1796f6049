import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { LOGGER, Public, readRawBody, SERVICE_CONFIG, type RawHttpRequest } from '@onewindow/platform';
import type { ComplaintsConfig } from '../config.js';
import { checkPush, type PushRefusal } from './work-order-12345.signature.js';
import { WorkOrderService } from './work-order-12345.service.js';

type Reply = { status(code: number): Reply; json(body: unknown): void };

const MAX_BODY_BYTES = 2 * 1024 * 1024;

const REFUSALS: Record<PushRefusal, { status: number; message: string }> = {
  NOT_CONFIGURED: { status: 503, message: '未配置 12345 工单推送密钥，接口不可用' },
  UNSIGNED: { status: 401, message: '缺少签名或时间戳' },
  STALE: { status: 401, message: '时间戳超出允许范围（防重放）' },
  BAD_SIGNATURE: { status: 401, message: '签名不正确' },
};

/**
 * POST /integrations/12345/work-orders — the 12345 hotline pushes work orders as the CSV of
 * docs/integrations/12345-work-orders.md (Content-Type text/csv). Not a user-facing route: it is
 * @Public for the identity guard and authenticated here by an HMAC-SHA256 signature over
 * timestamp and body with the shared secret; without a configured secret it refuses everything.
 */
@Controller('integrations/12345')
export class WorkOrderPushController {
  constructor(
    private readonly workOrders: WorkOrderService,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
    @Inject(LOGGER) private readonly logger: { warn(obj: object, msg: string): void },
  ) {}

  @Public()
  @Post('work-orders')
  @HttpCode(200)
  async push(@Req() req: RawHttpRequest, @Res() res: Reply): Promise<void> {
    const body = (await readRawBody(req, MAX_BODY_BYTES))?.toString('utf8');
    if (body === undefined) return res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: `请求体超过 ${MAX_BODY_BYTES} 字节，请分批推送` });
    const header = (name: string) => { const v = req.headers[name]; return Array.isArray(v) ? v[0] : v; };
    // Wall-clock time, not the business clock: the replay window is about the request, not a business date.
    const refusal = checkPush(this.config.WORK_ORDER_12345_SECRET, { timestamp: header('x-12345-timestamp'), signature: header('x-12345-signature') },
      body, Math.floor(Date.now() / 1000), this.config.WORK_ORDER_12345_MAX_SKEW_SECONDS);
    if (refusal) {
      this.logger.warn({ refusal }, '12345 work-order push refused');
      const { status, message } = REFUSALS[refusal];
      return res.status(status).json({ code: refusal, message });
    }
    res.status(200).json(await this.workOrders.push(body));
  }
}
