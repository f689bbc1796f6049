import { Module } from '@nestjs/common';

/** 三级窗口: district hall, street and community points; delegated items (issue 11). */
export const SERVICE_POINT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const SERVICE_POINT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [],
})
export class ServicePointsModule {}
