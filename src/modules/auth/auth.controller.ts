import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto } from './dto/auth.dto.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

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

  /** Also sets the refresh token as an HttpOnly cookie for the web app (see refresh-cookie.ts). */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const pair = await this.auth.login(dto.username, dto.password, requestContext(req));
    setRefreshCookie(req, reply, pair.refreshToken, this.config.refreshTokenTtlSeconds);
    return pair;
  }

  /** Takes the token from the body, or else from the web app's cookie, and rotates the cookie. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const presented = dto.refreshToken ?? readRefreshCookie(req) ?? '';
    const pair = await this.auth.refresh(presented, requestContext(req));
    setRefreshCookie(req, reply, pair.refreshToken, this.config.refreshTokenTtlSeconds);
    return pair;
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(actor);
    clearRefreshCookie(req, reply);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
