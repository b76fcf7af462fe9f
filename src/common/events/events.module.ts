import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.js';

/** The after-commit domain events (domain-events.ts), available to every module. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
