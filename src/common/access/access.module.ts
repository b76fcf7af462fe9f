import { Global, Module } from '@nestjs/common';
import { Access } from './scope.js';

@Global()
@Module({ providers: [Access], exports: [Access] })
export class AccessModule {}
