import { Module } from '@nestjs/common';

/** 上门服务 (出诊式): requests, assignment, schedule, outcome, overdue (issue 11). */
export const HOME_VISIT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const HOME_VISIT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [],
})
export class HomeVisitsModule {}
