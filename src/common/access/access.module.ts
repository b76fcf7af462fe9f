import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.js';
import { Access } from './scope.js';

@Global()
@Module({ providers: [Access, RateLimiter], exports: [Access, RateLimiter] })
export class AccessModule {}
