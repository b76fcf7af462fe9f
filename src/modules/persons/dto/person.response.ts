import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { FILE_CLOSE_REASONS, PERSON_STATUSES, SEXES, type CloseReason, type PersonStatus, type Sex } from '../person.entity.js';
import { PERSON_EVENT_KINDS } from '../person-event-kinds.js';

/** One file. National id, phone and address are present for admins and commune workers only. */
export class PersonDto {
  @ApiUuid() id: string;
  @ApiProperty({ example: '01001-2025-00001' }) caseCode: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiDate() dateOfBirth: string;
  @ApiEnum(SEXES, 'Sex') sex: Sex;
  @ApiUuid({ description: 'the commune of residence' }) residenceUnitId: string;
  @ApiEnum(PERSON_STATUSES, 'PersonStatus') status: PersonStatus;
  @ApiProperty({ type: [String], example: ['heroin'] }) substances: string[];
  @ApiDate() registeredOn: string;
  @ApiDate({ nullable: true }) managementDecisionOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: "number of the commune's management decision" }) managementDecisionNo: string | null;
  @ApiProperty() inDetention: boolean;
  @ApiDate({ nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: FILE_CLOSE_REASONS, nullable: true }) closeReason: CloseReason | null;
  @ApiUuid({ nullable: true, description: 'closeReason merged_into: the file of the same person that survived (read it instead)' }) mergedIntoId: string | null;
  @ApiInteger({ description: 'send it back with a change (optimistic locking)' }) version: number;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, example: '001090012345', description: 'admins and commune workers only' })
  nationalId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'admins and commune workers only' }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'admins and commune workers only' }) address?: string | null;
}

/**
 * A file in a list: never national id, phone or address. A clinic or facility worker's exact
 * lookup (by national id, or case code with date of birth) of a file not at their facility answers
 * the first seven fields only.
 */
export class PersonListItemDto extends IntersectionType(
  PickType(PersonDto, ['id', 'caseCode', 'fullName', 'dateOfBirth', 'sex', 'residenceUnitId', 'status'] as const),
  PartialType(
    PickType(PersonDto, [
      'substances',
      'registeredOn',
      'managementDecisionOn',
      'managementDecisionNo',
      'inDetention',
      'closedOn',
      'closeReason',
      'mergedIntoId',
      'version',
      'createdAt',
      'updatedAt',
    ] as const),
  ),
) {
  @ApiUuid({ required: false, nullable: true, description: 'closeReason merged_into: the file of the same person that survived' }) declare mergedIntoId?: string | null;
}

const TIMELINE_KINDS = [
  ...PERSON_EVENT_KINDS.filter((k) => k !== 'updated'),
  'enrollment_started',
  'enrollment_ended',
  'service',
  'supervision_started',
  'supervision_ended',
  'visit',
  'drug_test',
] as const;

/** One event of a person's history; which optional fields it has depends on `kind`. */
export class TimelineEventDto {
  @ApiUuid({ description: 'the id of the event, enrollment, service, supervision or visit' }) id: string;
  @ApiEnum(TIMELINE_KINDS, 'TimelineEventKind') kind: string;
  @ApiDate() date: string;
  @ApiPropertyOptional({ enum: PERSON_STATUSES, description: 'registered: the status at registration' }) status?: PersonStatus;
  @ApiUuid({ required: false, description: 'registered: the commune' }) residenceUnitId?: string;
  @ApiUuid({ required: false, description: 'registered: the import that created the file' }) importId?: string;
  @ApiPropertyOptional({ enum: PERSON_STATUSES, description: 'status_changed' }) from?: PersonStatus;
  @ApiPropertyOptional({ enum: PERSON_STATUSES, description: 'status_changed' }) to?: PersonStatus;
  @ApiUuid({ required: false, description: 'moved' }) fromUnitId?: string;
  @ApiUuid({ required: false, description: 'moved' }) toUnitId?: string;
  @ApiPropertyOptional({ enum: FILE_CLOSE_REASONS, description: 'closed' }) reason?: CloseReason;
  @ApiUuid({ required: false, description: 'closed as merged_into: the surviving file' }) mergedIntoId?: string;
  @ApiPropertyOptional({ description: 'closed as merged_into: the surviving file’s case code' }) mergedIntoCaseCode?: string;
  @ApiUuid({ required: false, description: 'merged: the file merged into this one' }) mergedPersonId?: string;
  @ApiPropertyOptional({ description: 'merged: the case code of the file merged into this one' }) mergedCaseCode?: string;
  @ApiUuid({ required: false, description: 'merged: the duplicate pair that was marked the same person' }) pairId?: string;
  @ApiPropertyOptional({ description: 'an event of a file merged into this one: that file’s case code' }) mergedFromCaseCode?: string;
  @ApiPropertyOptional({ description: 'enrollment_*: community, methadone or facility; service: counseling, support, medical or vocational' })
  type?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'enrollment_*: voluntary or compulsory' }) mode?: string | null;
  @ApiUuid({ required: false, nullable: true, description: 'enrollment_*, service, drug_test' }) facilityId?: string | null;
  @ApiDate({ required: false, nullable: true, description: 'enrollment_started' }) plannedEndDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'enrollment_ended, supervision_ended' }) outcome?: string | null;
  @ApiDate({ required: false, description: 'supervision_started' }) endDate?: string;
  @ApiInteger({ required: false, description: 'supervision_started' }) intervalDays?: number;
  @ApiUuid({ required: false, nullable: true, description: 'supervision_started' }) sourceEnrollmentId?: string | null;
  @ApiUuid({ required: false, description: 'visit' }) supervisionId?: string;
  @ApiPropertyOptional({ description: 'visit: home_visit, phone or office; drug_test: urine_rapid, saliva, blood, hair or other' }) method?: string;
  @ApiPropertyOptional({ description: 'visit: negative, positive or not_done' }) drugTest?: string;
  @ApiPropertyOptional({ description: 'visit' }) relapse?: boolean;
  @ApiPropertyOptional({ description: 'drug_test: negative, positive or invalid' }) result?: string;
  @ApiPropertyOptional({ type: [String], description: 'drug_test: what the test found' }) substances?: string[];
}
