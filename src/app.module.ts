import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './common/access/access.module.js';
import { JwtAuthGuard, RolesGuard } from './common/auth/guards.js';
import { FieldCipher } from './common/crypto/field-cipher.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { EventsModule } from './common/events/events.module.js';
import { JobsModule } from './common/jobs/jobs.module.js';
import { Clock } from './common/time/clock.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { FEATURE_MODULES } from './feature-modules.js';

/** Paths whose values must never reach a log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.nationalId',
  '*.phone',
  '*.address',
  '*.fullName',
];

/**
 * The id of the request being served, set by a Fastify hook (src/bootstrap.ts): every line logged
 * while it is served carries it as `req.id`, through pino's mixin (no logger per request).
 */
export const requestIds = new AsyncLocalStorage<string>();

const requestLogFields = () => {
  const id = requestIds.getStore();
  return id === undefined ? {} : { req: { id } };
};

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
            redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
            // Requests are logged once, by an onResponse hook (src/bootstrap.ts), with the path only.
            autoLogging: false,
            serializers: { req: (req: { id: string }) => ({ id: req.id }) },
            mixin: requestLogFields,
          },
          // No middleware: src/bootstrap.ts gives each request its logging context in a Fastify hook.
          forRoutes: [],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        JobsModule,
        EventsModule,
        AccessModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

/** The validated configuration, the clock and the field cipher, available everywhere. */
@Module({})
class ConfigModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, FieldCipher],
      exports: [APP_CONFIG, Clock, FieldCipher],
    };
  }
}
