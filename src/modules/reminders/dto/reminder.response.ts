import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { REMINDER_KINDS, REMINDER_STATUSES, type ReminderKind, type ReminderStatus } from '../reminder-kinds.js';

export class ReminderDto {
  @ApiUuid() id: string;
  @ApiEnum(REMINDER_KINDS, 'ReminderKind') kind: ReminderKind;
  @ApiUuid() personId: string;
  @ApiProperty({ example: '01001-2025-00001' }) caseCode: string;
  @ApiUuid({ description: 'the follow-up, enrollment, supervision or file the reminder is about' }) subjectId: string;
  @ApiDate() dueDate: string;
  @ApiEnum(REMINDER_STATUSES, 'ReminderStatus') status: ReminderStatus;
  @ApiProperty({ description: 'in Vietnamese, for the worker' }) message: string;
  @ApiUuid({ nullable: true }) facilityId: string | null;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime({ nullable: true }) acknowledgedAt: Date | null;
  @ApiDateTime({ nullable: true }) resolvedAt: Date | null;
}

export class ReplanResultDto {
  @ApiInteger({ minimum: 0, description: 'reminders raised by the sweep' }) raised: number;
  @ApiInteger({ minimum: 0, description: 'follow-ups marked missed' }) markedMissed: number;
  @ApiInteger({ minimum: 0, description: 'reminders resolved' }) resolved: number;
  @ApiInteger({ minimum: 0, description: 'jobs handed to the queue' }) planned: number;
}
