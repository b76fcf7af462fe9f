import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { NotGuessable } from '../../users/password-strength.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/passwords.js';

export class ChangePasswordDto {
  @ApiProperty({ description: 'the password the caller signs in with now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'not guessable (nor close to the username)' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `newPassword must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` })
  @NotGuessable({ message: 'newPassword is too easy to guess (a common password, a repetition or a keyboard pattern); use a longer passphrase' })
  newPassword: string;
}

export class PasswordChangedDto {
  @ApiProperty({ description: 'other logins of the caller that were ended (this one stays)' })
  sessionsEnded: number;
}

/** One login: the refresh-token family a sign-in started, never a token itself. */
export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'the login (refresh-token family)' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the user signed in' })
  startedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'when its tokens were last renewed' })
  lastRefreshedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'when its latest refresh token expires' })
  expiresAt: Date;

  @ApiProperty({ description: 'the login this request was made with' })
  current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] })
  items: SessionDto[];

  @ApiProperty()
  total: number;
}
