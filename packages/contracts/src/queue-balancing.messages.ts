import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

/** Messages (events, RPC bodies) of 忙闲调配 and queue figures (issue 11). */

export const REBALANCE_STATUSES = ['OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED'] as const;
export type RebalanceStatus = (typeof REBALANCE_STATUSES)[number];

/**
 * `counter.v1.queue.rebalance.changed`: a balancing proposal (忙闲调配建议) was made, accepted (its
 * windows now serve the waiting group as well), declined or expired (the situation ended). No
 * personal data: ids, the station, the group, window ids and counts; not the deciding supervisor.
 */
export class QueueRebalanceChangedEvent {
  @IsUUID() proposalId!: string;
  @Matches(/^\d{9,12}$/) unitCode!: string;
  @IsString() @Length(1, 20) groupCode!: string;
  @IsIn(REBALANCE_STATUSES as unknown as string[]) status!: RebalanceStatus;
  /** The windows proposed (OPEN, DECLINED, EXPIRED) or reassigned (ACCEPTED). */
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) windowIds!: string[];
  /** Tickets waiting in the group when proposed. */
  @IsInt() @Min(0) waiting!: number;
  @IsInt() @Min(1) version!: number;
  @IsString() at!: string;
}
