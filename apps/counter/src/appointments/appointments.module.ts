import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';

/** 预约: slots, online and hotline booking, closures, check-in (issue 11). */
export const APPOINTMENT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const APPOINTMENT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  imports: [QueueModule],
  providers: [],
})
export class AppointmentsModule {}
