import { Module } from '@nestjs/common';
import { DuplicatesController } from './duplicates.controller.js';
import { DuplicatesProcessor } from './duplicates.processor.js';
import { DuplicatesRepository } from './duplicates.repository.js';
import { DuplicatesService } from './duplicates.service.js';
import { PersonMerge } from './person-merge.js';

/** Duplicate files of one person: found across a province, reviewed, merged (issue 19). */
@Module({
  controllers: [DuplicatesController],
  providers: [DuplicatesRepository, DuplicatesService, DuplicatesProcessor, PersonMerge],
  exports: [DuplicatesService],
})
export class DuplicatesModule {}
