import { Args, ArgsType, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CalendarError, WorkingCalendar } from '@onewindow/calendar';
import { DomainException, LocalDateScalar } from '@onewindow/platform';
import { IsInt, Matches, Max, Min } from 'class-validator';

@ArgsType()
class AddWorkingDaysArgs {
  @Field(() => LocalDateScalar, { description: '起算日（当日不计入）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  from: string;

  @Field(() => Int, { description: '工作日天数' })
  @IsInt()
  @Min(0, { message: '天数不能为负' })
  @Max(3650, { message: '天数不能超过 3650' })
  days: number;
}

@ObjectType({ description: '工作日推算结果' })
class WorkingDaysResult {
  @Field(() => LocalDateScalar, { description: '起算日之后第 days 个工作日' }) date: string;
  @Field({ description: '是否为暂定结果：跨入尚未载入国务院放假调休安排的年份（按周一至周五推算，公布后重新计算）' }) provisional: boolean;
}

/**
 * 限时办结 arithmetic on the statutory calendar (放假调休), exposed for the window and for checks
 * against the State Council notices. Deployment overrides come from CALENDAR_OVERRIDES_FILE.
 */
@Resolver()
export class WorkingDaysResolver {
  constructor(private readonly calendar: WorkingCalendar) {}

  @Query(() => WorkingDaysResult, { description: '起算日之后第 days 个工作日（起算日当日不计入），按国务院放假调休安排；provisional 表示跨入尚未公布安排的年份' })
  addWorkingDays(@Args() args: AddWorkingDaysArgs): WorkingDaysResult {
    try {
      const r = this.calendar.addWorkingDays(args.from, args.days);
      return { date: r.date, provisional: r.provisional };
    } catch (err) {
      if (err instanceof CalendarError) throw DomainException.validation(`日期计算失败：${err.message}`);
      throw err;
    }
  }

  @Query(() => Boolean, { description: '是否为工作日（含调休上班日）' })
  isWorkingDay(@Args('date', { type: () => LocalDateScalar }) date: string): boolean {
    return this.calendar.isWorkingDay(date);
  }
}
