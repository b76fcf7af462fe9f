import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape (src/common/errors). */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiPropertyOptional({ example: 'national_id_mismatch', description: 'a stable machine word, where the error has one' }) code?: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }) message: string | string[];
}
