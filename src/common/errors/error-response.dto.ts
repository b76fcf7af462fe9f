import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type FieldError } from './app-error.js';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ description: 'The field at fault, as a dotted path (`items.0.quantity`); `body` for the whole body', example: 'dateOfBirth' })
  field: string;

  @ApiProperty({ description: 'The rule broken (`isUuid`, `maxLength`, `whitelistValidation`, `businessRule`...)', example: 'isCalendarDate' })
  rule: string;

  @ApiProperty({ description: 'The rule in English words, for logs; a client shows its own words per field and rule', example: 'dateOfBirth must be a real date written YYYY-MM-DD' })
  message: string;
}

/** The one error body every failure answers with. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', description: 'The HTTP status, repeated', example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'The HTTP reason phrase', example: 'Not Found' })
  error: string;

  @ApiProperty({
    enum: ErrorCode,
    enumName: 'ErrorCode',
    description: 'Stable machine code: a client chooses its own (Vietnamese) words by it. Codes are never renamed.',
    example: ErrorCode.NotFound,
  })
  code: ErrorCode;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong in English: one text, or one text per field at fault',
    example: 'person not found',
  })
  message: string | string[];

  @ApiPropertyOptional({ type: () => [FieldErrorDto], description: 'For `validation_failed` only: each field at fault and the rule it broke' })
  errors?: FieldErrorDto[];
}
