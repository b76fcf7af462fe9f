import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors } from '../../common/http/api-docs.js';
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
  @ApiOkResponse({ type: PublicHolidayList })
  @ApiErrors(400)
  list(@Query() query: PublicHolidayQuery): Promise<PublicHolidayList> {
    return this.holidays.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a public holiday or a day off moved to a weekday (admin)', operationId: 'createPublicHoliday' })
  @ApiCreatedResponse({ type: PublicHolidayView })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePublicHolidayDto): Promise<PublicHolidayView> {
    return this.holidays.create(actor, dto);
  }

  @Delete(':date')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a public holiday (admin); answers the removed day', operationId: 'deletePublicHoliday' })
  @ApiOkResponse({ type: PublicHolidayView })
  @ApiErrors(400, 404)
  remove(@CurrentActor() actor: Actor, @Param() { date }: PublicHolidayDateParam): Promise<PublicHolidayView> {
    return this.holidays.remove(actor, date);
  }
}
