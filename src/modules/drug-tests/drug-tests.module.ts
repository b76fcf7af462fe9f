import { Module } from '@nestjs/common';
import { RelapseModule } from '../relapse/relapse.module.js';
import { DrugTestsController } from './drug-tests.controller.js';
import { DrugTestsRepository } from './drug-tests.repository.js';
import { DrugTestsService } from './drug-tests.service.js';

@Module({ imports: [RelapseModule], controllers: [DrugTestsController], providers: [DrugTestsService, DrugTestsRepository] })
export class DrugTestsModule {}
