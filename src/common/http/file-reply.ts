import type { ApiResponseOptions } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** A file a route answers with: its bytes, media type and the name the browser saves it under. */
export interface FileBody {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** Answers `file` as a download that no cache keeps (the files hold personal data). */
export function sendFile(reply: FastifyReply, file: FileBody): Buffer {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  return file.body;
}

/** The document's answer for a file route: `content` for each media type, CSV as text and the rest as bytes. */
export function fileAnswer(description: string, ...types: string[]): ApiResponseOptions {
  const content = Object.fromEntries(
    types.map((type) => [type, { schema: type === CSV_TYPE ? { type: 'string' } : { type: 'string', format: 'binary' } }]),
  );
  return { description, content };
}
