/**
 * One decorator a controller: the path its routes sit under, the tag that groups them in the
 * document, the bearer token every route needs, and the roles that may call every route.
 *
 *   @ApiController('facilities')                                    // tag 'facilities'
 *   @ApiController('audit-logs', { tag: 'audit', roles: ['admin'] })
 *   @ApiController({ tag: 'treatment' })                             // routes give their whole path
 *
 * Routes open without a token (@Public) live in controllers that do not use it (auth, health).
 */
import { Controller, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Role } from '../access/roles.js';
import { Roles } from '../auth/decorators.js';

export interface ControllerSpec {
  /** The document's tag (default: the path). */
  tag?: string;
  /** Only these roles may call its routes (others: 403); a route may narrow them with its own. */
  roles?: readonly Role[];
}

export function ApiController(path: string, spec?: ControllerSpec): ClassDecorator;
export function ApiController(spec: ControllerSpec & { tag: string }): ClassDecorator;
export function ApiController(pathOrSpec: string | (ControllerSpec & { tag: string }), given: ControllerSpec = {}): ClassDecorator {
  const path = typeof pathOrSpec === 'string' ? pathOrSpec : undefined;
  const spec = typeof pathOrSpec === 'string' ? given : pathOrSpec;
  // In the order a stack of decorators written tag first would run.
  return applyDecorators(
    path === undefined ? Controller() : Controller(path),
    ...(spec.roles ? [Roles(...spec.roles)] : []),
    ApiBearerAuth(),
    ApiTags(spec.tag ?? (path as string)),
  );
}
