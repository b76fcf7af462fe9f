import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JobsService, REDIS } from './jobs.service.js';
import { fastFailRedis } from './redis.js';

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = fastFailRedis(config.redisUrl);
        // Connection errors are reported by /health; without a listener ioredis would crash the process.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    JobsService,
  ],
  exports: [REDIS, JobsService],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
