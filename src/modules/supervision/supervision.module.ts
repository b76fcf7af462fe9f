import { Module } from '@nestjs/common';
import { RelapseModule } from '../relapse/relapse.module.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionRepository } from './supervision.repository.js';
import { SupervisionService } from './supervision.service.js';

@Module({
  imports: [RelapseModule],
  controllers: [SupervisionController],
  providers: [SupervisionService, SupervisionRepository],
  exports: [SupervisionService, SupervisionRepository],
})
export class SupervisionModule {}
