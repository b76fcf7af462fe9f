import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '../../../common/http/fields.js';
import { UserDto } from '../../users/dto/user.dto.js';

/** Credentials are checked as sent: never cleaned, documented by type alone. */
export class LoginDto {
  @TextField({ max: 64, clean: false, terse: true, plain: true }) username: string;
  @TextField({ max: 256, clean: false, terse: true }) password: string;
}

export class RefreshDto {
  @TextField({ optional: true, max: 200, clean: false, terse: true, description: "the refresh token; when absent, the web app's HttpOnly cookie cm_refresh is used" })
  refreshToken?: string;
}

/** A login: a short-lived access token, a one-use refresh token and who logged in. */
export class TokenPairDto {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ description: 'one use: POST /auth/refresh answers a new pair' }) refreshToken: string;
  @ApiProperty({ type: () => UserDto }) user: UserDto;
}
