import { Module } from '@nestjs/common';

/** 自助查询: public progress query and the public catalog with 六告知 (issue 11). */
export const SELF_SERVICE_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const SELF_SERVICE_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [],
})
export class SelfServiceModule {}
