import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { PersonFactsDto } from '../../persons/dto/person-candidates.dto.js';
import { EnumField, UuidField } from '../../../common/http/fields.js';

export const PAIR_STATUSES = ['pending', 'same', 'distinct'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export const DECISIONS = ['same', 'distinct'] as const;

export class FindDuplicatesDto {
  @UuidField({ optional: true, description: 'the province to search; a province officer’s own province by default (required for an admin)' }) provinceId?: string;
}

export class FindDuplicatesAcceptedDto {
  @ApiProperty({ example: 'duplicates_3f0c…' }) jobId: string;
}

export class DuplicatesJobIdParam {
  @ApiProperty({ example: 'duplicates_3f0c6a1e-0000-4000-8000-000000000000' })
  @IsString()
  @Matches(/^duplicates_[0-9a-f-]{36}$/i, { message: 'jobId is not a duplicates job id' })
  jobId: string;
}

export class FindDuplicatesResultDto {
  @ApiProperty({ format: 'uuid' }) provinceId: string;
  @ApiProperty({ description: 'open files compared' }) people: number;
  @ApiProperty({ description: 'likely pairs found in this run (pending, or already reviewed)' }) found: number;
  @ApiProperty({ description: 'pairs pending review after the run' }) pending: number;
  @ApiProperty({ description: 'time the search took, in milliseconds' }) ms: number;
}

export class DuplicatesJobDto {
  @ApiProperty() jobId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiPropertyOptional({ type: FindDuplicatesResultDto }) result?: FindDuplicatesResultDto;
}

export class PairsQuery extends PageQuery {
  @EnumField(PAIR_STATUSES, { optional: true, default: 'pending' }) status: PairStatus = 'pending';
}

export class DecisionDto {
  @EnumField(DECISIONS, { description: '`same` merges the two files; `distinct` keeps both and never proposes the pair again' }) decision: (typeof DECISIONS)[number];
  @UuidField({ optional: true, description: 'for `same`: the file that survives (keeps its case code); by default the one registered first' }) survivorId?: string;
}

/** One file of a pair, side by side with the other: the facts, never contact details. */
export class PairFileDto extends PersonFactsDto {
  @ApiProperty({ nullable: true, type: String }) closeReason: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mergedIntoId: string | null;
  @ApiProperty() hasNationalId: boolean;
  @ApiProperty() enrollments: number;
  @ApiProperty() services: number;
  @ApiProperty() supervisions: number;
}

export class DuplicatePairDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String], example: ['name', 'date_of_birth'] }) reasons: string[];
  @ApiProperty({ enum: PAIR_STATUSES }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) foundAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt: Date | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'for a merged pair, the file that survived' }) survivorId: string | null;
  @ApiProperty({ type: PairFileDto }) a: PairFileDto;
  @ApiProperty({ type: PairFileDto }) b: PairFileDto;
}

export class MergeMovesDto {
  @ApiProperty() events: number;
  @ApiProperty() enrollments: number;
  @ApiProperty() doses: number;
  @ApiProperty() services: number;
  @ApiProperty() supervisions: number;
  @ApiProperty() followUps: number;
  @ApiProperty() visits: number;
  @ApiProperty() reminders: number;
}

export class DecisionResultDto {
  @ApiProperty({ type: DuplicatePairDto }) pair: DuplicatePairDto;
  @ApiPropertyOptional({ type: MergeMovesDto, description: 'for `same`: what moved to the survivor' }) moved?: MergeMovesDto;
}
