import { Module } from '@nestjs/common';
import { TicketIssuer, UnavailableTicketIssuer } from './ticket-issuer.port.js';

/** 排队叫号: windows, tickets, calling, green channel, hall display (issue 11). */
export const QUEUE_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const QUEUE_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [{ provide: TicketIssuer, useClass: UnavailableTicketIssuer }],
  exports: [TicketIssuer],
})
export class QueueModule {}
