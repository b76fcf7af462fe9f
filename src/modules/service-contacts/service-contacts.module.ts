import { Module } from '@nestjs/common';
import { ServiceContactsController } from './service-contacts.controller.js';
import { ServiceContactsService } from './service-contacts.service.js';

@Module({ controllers: [ServiceContactsController], providers: [ServiceContactsService], exports: [ServiceContactsService] })
export class ServiceContactsModule {}
