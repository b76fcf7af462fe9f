import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import type { Service } from '../coverage.arithmetic.js';
import type { CoverageJobStatus } from '../coverage.service.js';

export class CoverageJobAcceptedDto {
  @ApiProperty({ example: 'coverage_<unitId>_2025-03-01_2025-03-31' }) jobId: string;
}

export class CoverageUnitDto {
  @ApiUuid() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['province', 'district', 'commune'] }) level: string;
  @ApiInteger({ nullable: true }) population: number | null;
}

export class ServiceCountsDto implements Record<Service, number> {
  @ApiInteger({ minimum: 0 }) community: number;
  @ApiInteger({ minimum: 0 }) methadone: number;
  @ApiInteger({ minimum: 0 }) facility: number;
  @ApiInteger({ minimum: 0 }) counseling: number;
  @ApiInteger({ minimum: 0 }) support: number;
  @ApiInteger({ minimum: 0 }) medical: number;
}

export class PostRehabFiguresDto {
  @ApiInteger({ minimum: 0 }) supervised: number;
  @ApiInteger({ minimum: 0 }) supported: number;
  @ApiProperty({ description: 'supported / supervised, exact (0 without people)' }) share: number;
  @ApiProperty() target: number;
}

export class DetentionFiguresDto {
  @ApiInteger({ minimum: 0 }) held: number;
  @ApiInteger({ minimum: 0 }) treated: number;
  @ApiProperty({ description: 'treated / held, exact (0 without people)' }) share: number;
  @ApiProperty() target: number;
}

export class PopulationRatesDto {
  @ApiInteger({ minimum: 1 }) population: number;
  @ApiInteger({ minimum: 0 }) peopleWithFiles: number;
  @ApiProperty({ description: 'peopleWithFiles per 1,000 residents, 2 decimals' }) filesPer1000: number;
  @ApiProperty({ example: 0.005 }) drugComplexThreshold: number;
  @ApiProperty() drugComplexCriterion: boolean;
}

export class UnitFiguresDto {
  @ApiProperty({ type: () => CoverageUnitDto }) unit: CoverageUnitDto;
  @ApiInteger({ minimum: 0 }) withFiles: number;
  @ApiInteger({ minimum: 0 }) reachedServices: number;
  @ApiProperty({ description: 'reachedServices / withFiles, exact (0 without people)' }) share: number;
  @ApiProperty() target: number;
  @ApiProperty({ type: () => ServiceCountsDto }) byService: ServiceCountsDto;
  @ApiProperty({ type: () => PostRehabFiguresDto }) postRehab: PostRehabFiguresDto;
  @ApiProperty({ type: () => DetentionFiguresDto }) detention: DetentionFiguresDto;
  @ApiProperty({ type: () => PopulationRatesDto, nullable: true, description: 'null without a known population' }) rates: PopulationRatesDto | null;
}

export class CoverageInputsDto {
  @ApiUuid() unitId: string;
  @ApiDate() from: string;
  @ApiDate() to: string;
  @ApiDate() asOf: string;
}

/** A stored coverage report: the unit's figures and one entry per direct child. */
export class CoverageReportDto extends UnitFiguresDto {
  @ApiUuid() unitId: string;
  @ApiDate() from: string;
  @ApiDate() to: string;
  @ApiDate({ description: 'the day detention figures were taken' }) asOf: string;
  @ApiProperty({ type: () => [UnitFiguresDto] }) children: UnitFiguresDto[];
  @ApiDateTime() computedAt: string;
  @ApiProperty({ type: String, nullable: true }) jobId: string | null;
  @ApiProperty({ type: () => CoverageInputsDto }) inputs: CoverageInputsDto;
}

export class CoverageJobDto {
  @ApiProperty() jobId: string;
  @ApiEnum(['queued', 'running', 'done', 'failed'], 'CoverageJobStatus') status: CoverageJobStatus;
  @ApiPropertyOptional({ type: () => CoverageReportDto, description: 'when done' }) result?: CoverageReportDto;
}

export class UnreachedPersonDto {
  @ApiUuid() id: string;
  @ApiProperty() caseCode: string;
  @ApiProperty() fullName: string;
  @ApiUuid() residenceUnitId: string;
  @ApiProperty() residenceUnitName: string;
  @ApiDate({ nullable: true, description: 'latest enrollment start or service contact, at any time; null if none ever' })
  lastServiceDate: string | null;
}
