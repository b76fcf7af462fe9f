import { Module } from '@nestjs/common';
import { PublicHolidaysController } from './public-holidays.controller.js';
import { PublicHolidaysService } from './public-holidays.service.js';

@Module({ controllers: [PublicHolidaysController], providers: [PublicHolidaysService], exports: [PublicHolidaysService] })
export class PublicHolidaysModule {}
