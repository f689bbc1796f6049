import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Public, Roles } from '@onewindow/platform';
import { DeviceTokenArgs, PairingCodeArgs, PresentVisitInput, SubmitWindowRatingInput, WindowArgs } from './dto/evaluation.input.js';
import { PresentedVisit, RatingDevice, RatingPairing, RatingReceipt, RatingScreen, toPresentedVisit, toRatingScreen } from './evaluation.model.js';
import { EvaluationService } from './evaluation.service.js';

/**
 * 好差评 over GraphQL: the clerk pairs the window's screen and presents visits; the citizen screen
 * (no login: its device token is the credential, scoped to one window) reads the presented visit
 * and submits the rating. Thin; the rules are the service's.
 */
@Resolver()
export class EvaluationResolver {
  constructor(private readonly service: EvaluationService) {}

  @Roles(Role.CLERK)
  @Mutation(() => RatingPairing, { description: '生成评价屏配对码（窗口人员，本单位窗口，5 分钟内有效）' })
  startRatingPairing(@Args() args: WindowArgs, @CurrentIdentity() actor: Identity): Promise<RatingPairing> {
    return this.service.startPairing(actor, args.windowNo);
  }

  @Public() // the tablet has no user: the single-use, short-lived pairing code is the credential
  @Mutation(() => RatingDevice, { description: '评价屏输入配对码，取得只对该窗口有效的令牌（公开）' })
  pairRatingDevice(@Args() args: PairingCodeArgs): Promise<RatingDevice> {
    return this.service.pairDevice(args.code);
  }

  @Roles(Role.CLERK)
  @Mutation(() => Int, { description: '解除本窗口所有评价屏的配对（窗口人员）' })
  revokeRatingDevices(@Args() args: WindowArgs, @CurrentIdentity() actor: Identity): Promise<number> {
    return this.service.revokeDevices(actor, args.windowNo);
  }

  @Roles(Role.CLERK)
  @Mutation(() => PresentedVisit, { description: '受理或出件后，把办件推送到本窗口评价屏，请群众核对并评价（窗口人员）' })
  async presentVisitForRating(@Args('input') input: PresentVisitInput, @CurrentIdentity() actor: Identity): Promise<PresentedVisit> {
    return toPresentedVisit(await this.service.present(actor, input.windowNo, input.applicationNumber));
  }

  @Public() // the device token, scoped to one window, is the credential
  @Query(() => RatingScreen, { description: '评价屏当前内容：所配对窗口推送的待评价办件（脱敏，公开，凭令牌）' })
  async ratingScreen(@Args() args: DeviceTokenArgs): Promise<RatingScreen> {
    const { device, visit } = await this.service.screen(args.deviceToken);
    return toRatingScreen(device, visit);
  }

  @Public() // the device token, scoped to one window, is the credential
  @Mutation(() => RatingReceipt, { description: '群众当场评价（一件事项只评价一次；不满意须选原因）' })
  async submitWindowRating(@Args('input') input: SubmitWindowRatingInput): Promise<RatingReceipt> {
    const { evaluation, callbackOpened } = await this.service.rateVisit(input);
    return { applicationNumber: evaluation.applicationNumber, level: evaluation.level, channel: evaluation.channel, callbackOpened };
  }
}
