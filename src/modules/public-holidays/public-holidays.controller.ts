import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { CreatePublicHolidayDto, PublicHolidayDateParam, PublicHolidayList, PublicHolidayQuery, PublicHolidayView } from './dto/public-holiday.dto.js';
import { PublicHolidaysService } from './public-holidays.service.js';

/**
 * Public holidays: the days that are not working days besides weekends (self-termination counts
 * working days, Decree 116/2021 Art 3(5); so do the post-rehab deadlines, Arts 77-78). Holidays
 * are announced yearly, so the admin adds each year's; every signed-in role may read them.
 */
@ApiTags('public-holidays')
@ApiBearerAuth()
@Controller('public-holidays')
export class PublicHolidaysController {
  constructor(private readonly holidays: PublicHolidaysService) {}

  @Get()
  @ApiOperation({ summary: 'Public holidays, in date order (optionally of one year)', operationId: 'listPublicHolidays' })
  @ApiResponse({ status: 200, type: PublicHolidayList })
  @ApiResponse({ status: 400, description: 'year is not a year' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  list(@Query() query: PublicHolidayQuery) {
    return this.holidays.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a public holiday or a day off moved to a weekday (admin)', operationId: 'createPublicHoliday' })
  @ApiResponse({ status: 201, type: PublicHolidayView })
  @ApiResponse({ status: 400, description: 'a field is missing or invalid (named in the message)' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  @ApiResponse({ status: 403, description: 'not an admin' })
  @ApiResponse({ status: 409, description: 'the date is already a public holiday' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePublicHolidayDto) {
    return this.holidays.create(actor, dto);
  }

  @Delete(':date')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a public holiday (admin); answers the removed day', operationId: 'deletePublicHoliday' })
  @ApiResponse({ status: 200, type: PublicHolidayView })
  @ApiResponse({ status: 400, description: 'date is not a calendar date' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  @ApiResponse({ status: 403, description: 'not an admin' })
  @ApiResponse({ status: 404, description: 'no public holiday on that date' })
  remove(@CurrentActor() actor: Actor, @Param() { date }: PublicHolidayDateParam) {
    return this.holidays.remove(actor, date);
  }
}
