import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, TextField } from '../../../common/http/fields.js';

/**
 * What the responsible worker decided after a relapse: re-enroll the person in treatment, prepare a
 * referral to compulsory treatment (the law's route, for adults), or nothing (a test found wrong,
 * say; the note says why).
 */
export const RELAPSE_DECISIONS = ['re_enroll_treatment', 'refer_compulsory_treatment', 'no_action'] as const;
export type RelapseDecision = (typeof RELAPSE_DECISIONS)[number];
export const RELAPSE_SOURCES = ['visit', 'drug_test'] as const;
export type RelapseSource = (typeof RELAPSE_SOURCES)[number];

export class DecideRelapseDto {
  @EnumField(RELAPSE_DECISIONS) decision: RelapseDecision;

  @DateField({ optional: true, terse: true, example: '2026-11-20', description: 'the day of the decision (default: today); not in the future' }) decidedOn?: string;
  @TextField({ optional: true, clean: false, nonEmpty: false, max: 1000, plain: 'lines', description: 'required for no_action' }) note?: string;
}

export class RelapseTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supervisionId: string | null;
  @ApiProperty({ enum: RELAPSE_SOURCES }) source: RelapseSource;
  @ApiProperty({ format: 'uuid', description: 'the visit or drug test that showed the relapse' }) sourceId: string;
  @ApiProperty({ example: '2026-11-20' }) detectedOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the responsible worker' }) assignedUserId: string | null;
  @ApiProperty({ enum: ['open', 'decided'] }) status: 'open' | 'decided';
  @ApiProperty({ enum: RELAPSE_DECISIONS, nullable: true, type: String }) decision: RelapseDecision | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ description: 'adult (18 or older) on the day of detection: a referral to compulsory treatment is possible' }) adult: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
