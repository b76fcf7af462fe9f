import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import {
  DRUG_TESTS,
  FOLLOW_UP_STATUSES,
  SUPERVISION_OUTCOMES,
  VISIT_METHODS,
  type DrugTest,
  type FollowUpStatus,
  type SupervisionOutcome,
  type SupervisionStatus,
  type VisitMethod,
} from '../supervision-values.js';

export class FollowUpDto {
  @ApiUuid() id: string;
  @ApiDate() dueDate: string;
  @ApiEnum(FOLLOW_UP_STATUSES, 'FollowUpStatus') status: FollowUpStatus;
  @ApiUuid({ nullable: true, description: 'the visit that completed it' }) visitId: string | null;
}

export class VisitDto {
  @ApiUuid() id: string;
  @ApiUuid() supervisionId: string;
  @ApiUuid({ nullable: true, description: 'the follow-up it completed' }) followUpId: string | null;
  @ApiDate() visitDate: string;
  @ApiEnum(VISIT_METHODS, 'VisitMethod') method: VisitMethod;
  @ApiEnum(DRUG_TESTS, 'DrugTest') drugTest: DrugTest;
  @ApiProperty() relapse: boolean;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiUuid({ nullable: true }) recordedBy: string | null;
  @ApiDateTime() createdAt: Date;
}

/** A post-rehab supervision with its follow-ups; one read with its visits too. */
export class SupervisionDto {
  @ApiUuid() id: string;
  @ApiUuid() personId: string;
  @ApiUuid({ nullable: true, description: 'the completed treatment that opened it' }) sourceEnrollmentId: string | null;
  @ApiDate() startDate: string;
  @ApiDate() endDate: string;
  @ApiInteger({ minimum: 1 }) intervalDays: number;
  @ApiUuid({ nullable: true }) supervisorUserId: string | null;
  @ApiEnum(['active', 'ended'], 'SupervisionStatus') status: SupervisionStatus;
  @ApiProperty({ enum: SUPERVISION_OUTCOMES, nullable: true }) outcome: SupervisionOutcome | null;
  @ApiDate({ nullable: true }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'number of the post-rehab management decision' }) decisionNo: string | null;
  @ApiDate({ nullable: true }) decisionOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the dated rule that set the default term' }) termRule: string | null;
  @ApiInteger({ description: 'send it back with a change (optimistic locking)' }) version: number;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
  @ApiProperty({ type: () => [FollowUpDto] }) followUps: FollowUpDto[];
  @ApiPropertyOptional({ type: () => [VisitDto], description: 'one supervision read: its visits' }) visits?: VisitDto[];
}
