import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DRUG_TESTS, VISIT_METHODS } from '../visit.entity.js';
import { SUPERVISION_OUTCOMES } from '../supervision.entity.js';

export class AssignSupervisorDto {
  @ApiProperty({ format: 'uuid', description: "an active commune worker whose area holds the person's residence" })
  @IsUUID()
  supervisorUserId: string;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-12-01' }) dueDate: string;
  @ApiProperty({ enum: ['scheduled', 'done', 'missed', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) visitId: string | null;
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) supervisionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) followUpId: string | null;
  @ApiProperty() visitDate: string;
  @ApiProperty({ enum: VISIT_METHODS }) method: string;
  @ApiProperty({ enum: DRUG_TESTS }) drugTest: string;
  @ApiProperty() relapse: boolean;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class SupervisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceEnrollmentId: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() intervalDays: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the responsible commune worker' }) supervisorUserId: string | null;
  @ApiProperty({ enum: ['active', 'ended'] }) status: string;
  @ApiProperty({ enum: SUPERVISION_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) endedOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: [FollowUpDto] }) followUps: FollowUpDto[];
  @ApiPropertyOptional({ type: [VisitDto] }) visits?: VisitDto[];
}
