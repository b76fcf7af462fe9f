import { Module } from '@nestjs/common';
import { RelapseModule } from '../relapse/relapse.module.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';

@Module({
  imports: [RelapseModule],
  controllers: [SupervisionController],
  providers: [SupervisionService],
  exports: [SupervisionService],
})
export class SupervisionModule {}
