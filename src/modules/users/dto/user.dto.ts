import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { ApiDateTime, ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { NotGuessable } from '../password-strength.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.js';
import { ROLE_DESCRIPTION, ROLES, type Role } from '../user.entity.js';
import { BoolField, EnumField, NameField, UuidField } from '../../../common/http/fields.js';

const passwordRule = Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
  message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
});

export class CreateUserDto {
  @ApiProperty({ example: 'cb.tanlap' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits, dots, dashes or underscores' })
  // One form everywhere: ASCII only (above), stored and compared lower case.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  username: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @passwordRule
  @NotGuessable()
  password: string;

  @NameField({ optional: true }) fullName?: string;

  @EnumField(ROLES, { description: ROLE_DESCRIPTION }) role: Role;

  @ApiPropertyOptional({ description: 'required except for admins' })
  @ValidateIf((o: CreateUserDto) => o.role !== 'admin' || o.adminUnitId !== undefined)
  @IsUUID()
  adminUnitId?: string;

  @ApiPropertyOptional({ description: 'required for clinic_staff and facility_staff' })
  @ValidateIf((o: CreateUserDto) => o.role === 'clinic_staff' || o.role === 'facility_staff' || o.facilityId !== undefined)
  @IsUUID()
  facilityId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsString()
  @passwordRule
  @NotGuessable()
  password?: string;

  @NameField({ optional: true }) fullName?: string;

  @EnumField(ROLES, { optional: true }) role?: Role;

  @UuidField({ optional: true, terse: true }) adminUnitId?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  facilityId?: string | null;

  @BoolField({ optional: true, description: 'false locks the user out at once' }) active?: boolean;
}

export class UserQuery extends PageQuery {
  @EnumField(ROLES, { optional: true }) role?: Role;

  @UuidField({ optional: true, terse: true }) unitId?: string;

  @BoolField({ optional: true, query: true }) active?: boolean;
}

/** A user account; never its password. */
export class UserDto {
  @ApiUuid() id: string;
  @ApiProperty({ example: 'cb.tanlap' }) username: string;
  @ApiProperty({ type: String, nullable: true, example: 'Trần Thị Bình' }) fullName: string | null;
  @ApiEnum(ROLES, 'Role') role: Role;
  @ApiUuid({ nullable: true, description: 'the area the user works in; null for administrators' }) adminUnitId: string | null;
  @ApiUuid({ nullable: true, description: 'clinic and facility staff: their facility' }) facilityId: string | null;
  @ApiProperty({ description: 'false: locked out' }) active: boolean;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
}
