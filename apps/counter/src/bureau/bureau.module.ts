import { Module } from '@nestjs/common';

/** Month close and push to the city bureau (月报报送), and the bureau side (placeholder: filled in by issue 10). */
export const BUREAU_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const BUREAU_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({})
export class BureauModule {}
