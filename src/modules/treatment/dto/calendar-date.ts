import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '../../../common/time/dates.js';

/**
 * A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused). Shared by the treatment,
 * service-contact and supervision DTOs; a candidate for src/common once another feature needs it.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
