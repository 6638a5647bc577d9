import { envelope } from './errors';

/**
 * What a runtime adapter answers for a request it could not turn into a Request (a backslash in
 * the path, a bad Host header): the same envelope as every other error, never an empty 400.
 * The app never saw the request, so the id is made here.
 */
export function adapterErrorResponse(malformed: boolean): Response {
  const requestId = crypto.randomUUID();
  const body = malformed
    ? envelope('validation_error', 'The request line or the Host header is malformed', requestId)
    : envelope('internal_error', 'Something went wrong on our side', requestId);
  return new Response(JSON.stringify(body), {
    status: malformed ? 400 : 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, connection: 'close' },
  });
}
