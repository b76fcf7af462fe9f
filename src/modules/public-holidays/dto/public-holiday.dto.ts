import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';

/** No name or source needs a control character (PostgreSQL text cannot hold NUL): refuse them as bad input. */
const PLAIN = /^\P{Cc}*$/u;

export class CreatePublicHolidayDto {
  @ApiProperty({ example: '2028-01-26', description: 'a day off (public holiday, or a day off moved to a weekday)' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán (Mùng 1)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(PLAIN, { message: 'name must not contain control characters' })
  name: string;

  @ApiProperty({ example: 'Labour Code 2019 Art 112; 2028 announcement', description: 'the law or announcement that sets the day off' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(PLAIN, { message: 'source must not contain control characters' })
  source: string;
}

export class PublicHolidayQuery {
  @ApiPropertyOptional({ example: 2026, description: 'holidays of this year only' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export class PublicHolidayDateParam {
  @ApiProperty({ example: '2026-02-17' })
  @IsCalendarDate()
  date: string;
}

export class PublicHolidayView {
  @ApiProperty({ example: '2026-02-17' }) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán (Mùng 1)' }) name: string;
  @ApiProperty({ example: 'Labour Code 2019 Art 112' }) source: string;
}

export class PublicHolidayList {
  @ApiProperty({ type: [PublicHolidayView] }) items: PublicHolidayView[];
}
