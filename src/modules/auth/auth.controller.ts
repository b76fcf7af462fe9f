import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { UserDto } from '../users/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto.js';

const requestContext = (req: { ip?: string; id?: string }): AuditContext => ({
  id: null,
  role: null,
  ip: req.ip ?? null,
  requestId: req.id ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; answers an access and a refresh token', operationId: 'login' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto, @Req() req: { ip?: string; id?: string }): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password, requestContext(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token (once) for a new pair; a reused one revokes the login', operationId: 'refreshTokens' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto, @Req() req: { ip?: string; id?: string }): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, requestContext(req));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: revokes every refresh token of the caller', operationId: 'logout' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The caller’s own account', operationId: 'getMe' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.auth.me(actor);
  }
}
