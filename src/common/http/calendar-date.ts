import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '../time/dates.js';

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused). */
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
