import { Module } from '@nestjs/common';

/** Supervision (督察): inspections and random inspections (placeholder: filled in by issue 10). */
export const SUPERVISION_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const SUPERVISION_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({})
export class SupervisionModule {}
