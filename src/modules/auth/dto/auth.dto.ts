import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto.js';
/** PostgreSQL text cannot hold NUL, and no name or filter needs a control character: refuse them as bad input. */
const PLAIN = /^\P{Cc}*$/u;


export class LoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(PLAIN, { message: 'username must not contain control characters' })
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: "the refresh token; when absent, the web app's HttpOnly cookie cm_refresh is used" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

/** A login: a short-lived access token, a one-use refresh token and who logged in. */
export class TokenPairDto {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ description: 'one use: POST /auth/refresh answers a new pair' }) refreshToken: string;
  @ApiProperty({ type: () => UserDto }) user: UserDto;
}
