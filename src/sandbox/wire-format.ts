import { TZDate } from '@date-fns/tz';
import { offsetText, pad } from '../model/dates.js';

const STATUS_EXCEPTIONS: Record<number, [string, string]> = {
  400: ['BadRequestException', 'Bad Request'],
  401: ['UnauthorizedException', 'Unauthorized'],
  403: ['ForbiddenException', 'Forbidden'],
  404: ['NotFoundException', 'Not Found'],
  409: ['ConflictException', 'Conflict'],
  422: ['UnprocessableEntityException', 'Unprocessable Entity'],
  429: ['ThrottlerException', 'Too Many Requests'],
  500: ['InternalServerErrorException', 'Internal Server Error'],
};

/** Cal.com API v2's error envelope, as its HTTP exception filter writes it (calcom-api.md "Error envelope"). */
export function calcomError(
  status: number,
  path: string,
  message: string,
  now: number,
  headers?: HeadersInit,
): Response {
  const [code, error] = STATUS_EXCEPTIONS[status] ?? ['HttpException', 'Error'];
  // Nest's ThrottlerException carries a bare string as its response, hence the string details for 429.
  const details = status === 429 ? message : { message, error, statusCode: status };
  return Response.json(
    { status: 'error', timestamp: new Date(now).toISOString(), path, error: { code, message, details } },
    { status, headers },
  );
}

export function calcomSuccess(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json({ status: 'success', data }, { status, headers });
}

/** `2050-09-05T09:00:00.000+02:00` in a zone, or `2050-09-05T07:00:00.000Z` without one, as /v2/slots writes times. */
export function formatInstant(ms: number, timeZone: string | undefined): string {
  if (!timeZone) return new Date(ms).toISOString();
  const z = new TZDate(ms, timeZone);
  return (
    `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}:` +
    `${pad(z.getSeconds())}.${String(z.getMilliseconds()).padStart(3, '0')}${offsetText(-z.getTimezoneOffset())}`
  );
}
