import { Controller, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ErrorCode } from '../../common/errors/app-error.js';
import { HealthDownDto, HealthDto } from './health.response.js';
import { REDIS } from '../../common/jobs/jobs.service.js';
import { Route } from '../../common/http/route.js';

type Check = 'up' | 'down';

const TIMEOUT_MS = 1_500;

function within<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('health')
@Controller({ path: 'health' })
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 when PostgreSQL and Redis both answer; 503 naming the part that does not. */
  @Route.get({ summary: 'Whether PostgreSQL and Redis answer (for load balancers; no token)', public: true, operationId: 'getHealth', ok: HealthDto, responses: [{ status: 503, type: HealthDownDto, description: 'PostgreSQL or Redis does not answer (code: service_unavailable)' }] })
  async health(@Res({ passthrough: true }) reply: { status(code: number): unknown }): Promise<HealthDto | HealthDownDto> {
    const [database, redis] = await Promise.all([
      within(this.db.query('SELECT 1')).then((): Check => 'up', (): Check => 'down'),
      within(this.redis.ping()).then((): Check => 'up', (): Check => 'down'),
    ]);
    const checks = { database, redis };
    if (database === 'up' && redis === 'up') return { status: 'ok', checks };
    // The one error shape, with the checks beside it.
    reply.status(503);
    const down = Object.entries(checks).flatMap(([part, check]) => (check === 'down' ? [part] : []));
    return { statusCode: 503, error: 'Service Unavailable', code: ErrorCode.Unavailable, message: `${down.join(' and ')} down`, status: 'error', checks };
  }
}
