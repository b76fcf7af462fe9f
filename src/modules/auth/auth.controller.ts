import { Body, Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { UserDto } from '../users/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import { Route } from '../../common/http/route.js';

const requestContext = (req: { ip?: string; id?: string }): AuditContext => ({
  id: null,
  role: null,
  ip: req.ip ?? null,
  requestId: req.id ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route.post('login', { summary: 'Log in with username and password; answers an access and a refresh token', public: true, operationId: 'login', ok: TokenPairDto, errors: [400, 401, 429] })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto> {
    const pair = await this.auth.login(dto.username, dto.password, requestContext(req));
    // The web app keeps the refresh token in an HttpOnly cookie (refresh-cookie.ts).
    setRefreshCookie(req, reply, pair.refreshToken, this.config.refreshTokenTtlSeconds);
    return pair;
  }

  @Route.post('refresh', { summary: 'Trade a refresh token (once) for a new pair; a reused one revokes the login', public: true, operationId: 'refreshTokens', ok: TokenPairDto, errors: [400, 401] })
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto> {
    // The body's token, or else the web app's cookie; the cookie is rotated with the pair.
    const pair = await this.auth.refresh(dto.refreshToken ?? readRefreshCookie(req) ?? '', requestContext(req));
    setRefreshCookie(req, reply, pair.refreshToken, this.config.refreshTokenTtlSeconds);
    return pair;
  }

  @Route.post('logout', { summary: 'Log out: revokes every refresh token of the caller', operationId: 'logout', noContent: 'Logged out' })
  @ApiBearerAuth()
  async logout(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(req, reply);
  }

  @Route.get('me', { summary: 'The caller’s own account', operationId: 'getMe', ok: UserDto })
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.auth.me(actor);
  }
}
