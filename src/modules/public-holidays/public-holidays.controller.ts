import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { CreatePublicHolidayDto, PublicHolidayDateParam, PublicHolidayList, PublicHolidayQuery, PublicHolidayView } from './dto/public-holiday.dto.js';
import { PublicHolidaysService } from './public-holidays.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/**
 * Public holidays: the days that are not working days besides weekends (self-termination counts
 * working days, Decree 116/2021 Art 3(5); so do the post-rehab deadlines, Arts 77-78). Holidays
 * are announced yearly, so the admin adds each year's; every signed-in role may read them.
 */
@ApiController('public-holidays')
export class PublicHolidaysController {
  constructor(private readonly holidays: PublicHolidaysService) {}

  @Route.get({ summary: 'Public holidays, in date order (optionally of one year)', operationId: 'listPublicHolidays', ok: PublicHolidayList, errors: [400] })
  list(@Query() query: PublicHolidayQuery): Promise<PublicHolidayList> {
    return this.holidays.list(query);
  }

  @Route.post({ roles: ['admin'], summary: 'Add a public holiday or a day off moved to a weekday (admin)', operationId: 'createPublicHoliday', created: PublicHolidayView, errors: [400, 409] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePublicHolidayDto): Promise<PublicHolidayView> {
    return this.holidays.create(actor, dto);
  }

  @Route.delete(':date', { roles: ['admin'], summary: 'Remove a public holiday (admin); answers the removed day', operationId: 'deletePublicHoliday', ok: PublicHolidayView, errors: [400, 404] })
  remove(@CurrentActor() actor: Actor, @Param() { date }: PublicHolidayDateParam): Promise<PublicHolidayView> {
    return this.holidays.remove(actor, date);
  }
}
