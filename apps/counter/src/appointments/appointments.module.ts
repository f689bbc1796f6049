import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { AppointmentClosureEntity, AppointmentEntity, AppointmentSlotEntity } from './appointment.entities.js';
import { AppointmentResolver } from './appointment.resolver.js';
import { AppointmentService } from './appointment.service.js';
import { CreateAppointments1797900000000 } from './migrations/1797900000000-CreateAppointments.js';
import { AppointmentNoShowScheduler } from './no-show.scheduler.js';

/** 预约: slots, online and hotline booking, closures, check-in (issue 11; decision 0023). */
export const APPOINTMENT_ENTITIES: (new (...args: never[]) => unknown)[] = [AppointmentEntity, AppointmentSlotEntity, AppointmentClosureEntity];
export const APPOINTMENT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateAppointments1797900000000];

@Module({
  imports: [QueueModule, SmsModule],
  providers: [AppointmentService, AppointmentResolver, AppointmentNoShowScheduler],
})
export class AppointmentsModule {}
