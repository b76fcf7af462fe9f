import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '../../../common/http/paging.js';
import { BoolField, DateField, EnumField, UuidField } from '../../../common/http/fields.js';

/** What a task asks: the commune's, the officer's (transfers to decide), the clinic's and the facility's kinds. */
export const TASK_KINDS = [
  'follow_up_due',
  'follow_up_overdue',
  'supervision_ending',
  'management_ending',
  'enrollment_ending',
  'relapse',
  'transfer_in',
  'transfer_waiting',
  'transfer_decision',
  'missed_doses',
  'dose_not_recorded',
  'stay_ending',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const URGENCIES = ['overdue', 'today', 'upcoming'] as const;
export type Urgency = (typeof URGENCIES)[number];

export class TaskQuery extends PageQuery {
  @DateField({ optional: true, terse: true, example: '2026-11-01', description: 'due on or after' }) from?: string;
  @DateField({ optional: true, terse: true, example: '2026-11-30', description: 'due on or before' }) to?: string;

  @EnumField(TASK_KINDS, { optional: true }) kind?: TaskKind;
  @UuidField({ optional: true, description: 'people living in this unit (in the caller’s area)' }) unitId?: string;
  @BoolField({ optional: true, query: true, description: 'only the tasks of supervisions and relapses the caller answers for' }) assignedToMe?: boolean;
}

export class TaskDto {
  @ApiProperty({ enum: TASK_KINDS }) kind: TaskKind;
  @ApiProperty({ format: 'uuid', description: 'the follow-up, supervision, enrollment, relapse task, transfer request or file the task is about' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() caseCode: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid' }) residenceUnitId: string;
  @ApiProperty({ example: '2026-11-20' }) dueDate: string;
  @ApiProperty({ enum: URGENCIES, description: 'overdue (due before today), today, or upcoming' }) urgency: Urgency;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the responsible worker, when the task has one' }) assignedUserId: string | null;
  @ApiProperty() assignedToMe: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the reminder that announced it, if one is still open' }) reminderId: string | null;
}

/** The number of tasks of each kind, under each kind's name. */
export type TaskCountsDto = Record<TaskKind, number>;
export const TaskCountsDto = class TaskCountsDto {};
for (const kind of TASK_KINDS) ApiProperty({ type: Number })(TaskCountsDto.prototype, kind);

export class TaskListDto {
  @ApiProperty({ example: '2026-11-20' }) today: string;
  @ApiProperty({ type: [TaskDto] }) items: TaskDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: TaskCountsDto, description: 'tasks per kind under the other filters (for a badge)' }) counts: TaskCountsDto;
  @ApiProperty({ description: 'overdue tasks under the filters' }) overdue: number;
}
