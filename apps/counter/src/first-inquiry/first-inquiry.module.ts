import { Module } from '@nestjs/common';
import { FirstInquiryEntity } from './first-inquiry.entity.js';
import { FirstInquiryResolver } from './first-inquiry.resolver.js';
import { FirstInquiryService } from './first-inquiry.service.js';
import { CreateFirstInquiry1798100000001 } from './migrations/1798100000001-CreateFirstInquiry.js';

/** 首问责任: first-inquiry records (issue 11). */
export const FIRST_INQUIRY_ENTITIES: (new (...args: never[]) => unknown)[] = [FirstInquiryEntity];
export const FIRST_INQUIRY_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateFirstInquiry1798100000001];

@Module({
  providers: [FirstInquiryService, FirstInquiryResolver],
})
export class FirstInquiryModule {}
