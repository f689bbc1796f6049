import { Module } from '@nestjs/common';

/** 首问责任: first-inquiry records (issue 11). */
export const FIRST_INQUIRY_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const FIRST_INQUIRY_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [],
})
export class FirstInquiryModule {}
