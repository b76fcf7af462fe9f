import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import { errorResponseDescription } from './api-docs.js';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const errorResponse = (status: number, detail: string) => ({
  description: errorResponseDescription(status, detail),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
});

/**
 * The answers every operation can give whatever its own decorators say, added here once rather
 * than on every route: 401 from the default-deny guard unless the route is public, 400/413/415
 * from the body parser on POST, PUT and PATCH, 500 and 503 when something fails on our side.
 */
function withCommonResponses(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const add = (status: number, detail: string) => {
        op.responses[String(status)] ??= errorResponse(status, detail);
      };
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) add(401, 'missing, invalid or expired access token');
      // The body parser reads any body sent with these methods, whether the route uses one or not.
      if (op.requestBody || method === 'post' || method === 'put' || method === 'patch') {
        add(400, 'the body is not valid JSON or breaks a rule');
        add(413, 'the body is larger than 1 MiB');
        add(415, 'the body is not of a type the route reads');
      }
      add(500, 'a fault on the server');
      add(503, 'PostgreSQL, Redis or the job queue is unavailable; try again shortly');
    }
  }
  return doc;
}

/**
 * The OpenAPI document, generated from the controllers' decorators: served at /api/docs-json, written
 * by `npm run client:generate` for the typed client, and checked against every e2e response.
 * Every operation needs a bearer token unless it says `security: []` (@Public()).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Drug case management')
    .setDescription(
      'Management files, treatment, post-rehab supervision, reminders and coverage reports.\n\n' +
        'Every error answers with ErrorResponseDto; its `code` (ErrorCode) is stable, so a client can choose its own words by it.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto],
    // Explicit operationIds are required (@ApiOperation); this fallback is visibly wrong on purpose.
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
  return withCommonResponses(doc);
}
