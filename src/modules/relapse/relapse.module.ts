import { Module } from '@nestjs/common';
import { RelapseController } from './relapse.controller.js';
import { RelapseService } from './relapse.service.js';

@Module({ controllers: [RelapseController], providers: [RelapseService], exports: [RelapseService] })
export class RelapseModule {}
