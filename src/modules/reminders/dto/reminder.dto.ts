import { PageQuery } from '../../../common/http/paging.js';
import { REMINDER_KINDS, REMINDER_STATUSES, type ReminderKind, type ReminderStatus } from '../reminder-kinds.js';
import { EnumField, UuidField } from '../../../common/http/fields.js';

export class ReminderQuery extends PageQuery {
  @EnumField(REMINDER_STATUSES, { optional: true }) status?: ReminderStatus;
  @EnumField(REMINDER_KINDS, { optional: true }) kind?: ReminderKind;
  @UuidField({ optional: true }) personId?: string;
}
