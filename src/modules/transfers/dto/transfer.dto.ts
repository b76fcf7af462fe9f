import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiDate, ApiDateTime, ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { TRANSFER_ORIGINS, TRANSFER_STATUSES, type TransferOrigin, type TransferStatus } from '../transfers.repository.js';
import { EnumField, UuidField } from '../../../common/http/fields.js';

const PLAIN = /^\P{Cc}*$/u;
const CleanText = () => Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value));

export class CreateTransferRequestDto {
  @ApiProperty({ example: '001234567890', description: 'the national id of the person met, whose open file is held by another commune' })
  @IsString()
  @Matches(/^[0-9]{12}$/, { message: 'nationalId must be exactly 12 digits' })
  nationalId: string;

  @UuidField({ description: "the commune of the caller's area the file should move to" }) toUnitId: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'why the file should move (no names)' })
  @IsOptional()
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @Matches(PLAIN, { message: 'reason must not contain control characters' })
  reason?: string;
}

export class RefuseTransferDto {
  @ApiProperty({ maxLength: 500, description: 'why the request is refused (no names)' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @Matches(PLAIN, { message: 'reason must not contain control characters' })
  reason: string;
}

export class TransferRequestQuery extends PageQuery {
  @EnumField(TRANSFER_STATUSES, { optional: true }) status?: TransferStatus;
}

export class TransferRequestDto {
  @ApiUuid() id: string;
  @ApiEnum(TRANSFER_STATUSES, 'TransferStatus') status: TransferStatus;
  @ApiEnum(TRANSFER_ORIGINS, 'TransferOrigin', {
    description: "request: asked by a worker; national_id_conflict: a national id written in the receiving commune's area was found open here",
  })
  origin: TransferOrigin;
  @ApiUuid({ nullable: true, description: 'null when the caller may not see the file (now or any more)' }) personId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the caller may not see the file' }) caseCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the caller may not see the file' }) fullName: string | null;
  @ApiUuid() fromUnitId: string;
  @ApiUuid() toUnitId: string;
  @ApiUuid({ nullable: true, description: 'the smallest unit holding both communes; null: administrators decide' }) approverUnitId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalReason: string | null;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime({ nullable: true }) decidedAt: Date | null;
  @ApiDate({ nullable: true, description: 'the day the file moved (accepted requests)' }) movedOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['in', 'out'],
    description: "for commune workers: whether the file comes to or leaves the caller's area",
  })
  direction: 'in' | 'out' | null;
  @ApiProperty({ nullable: true, type: String, description: 'the name-free trace left to the sending commune, e.g. "moved out on 2026-11-30"' })
  note: string | null;
}
