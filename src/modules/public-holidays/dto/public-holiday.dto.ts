import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DateField, NameField } from '../../../common/http/fields.js';

export class CreatePublicHolidayDto {
  @DateField({ terse: true, example: '2028-01-26', description: 'a day off (public holiday, or a day off moved to a weekday)' }) date: string;
  @NameField({ example: 'Tết Nguyên đán (Mùng 1)' }) name: string;

  @NameField({ max: 300, example: 'Labour Code 2019 Art 112; 2028 announcement', description: 'the law or announcement that sets the day off' })
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
  @DateField({ terse: true, example: '2026-02-17' }) date: string;
}

export class PublicHolidayView {
  @ApiProperty({ example: '2026-02-17' }) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán (Mùng 1)' }) name: string;
  @ApiProperty({ example: 'Labour Code 2019 Art 112' }) source: string;
}

export class PublicHolidayList {
  @ApiProperty({ type: [PublicHolidayView] }) items: PublicHolidayView[];
}
