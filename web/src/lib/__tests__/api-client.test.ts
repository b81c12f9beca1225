import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import {
  ApiError,
  apiClient,
  getErrorMessage,
  InvalidResponseError,
  NetworkError,
  onUnauthorized,
  parseRetryAfter,
  request,
} from '@/lib/api-client';
import { stubFetch } from '@/testing/fetch-stub';

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('maps an RFC 9457 ProblemDetail response to a typed ApiError', async () => {
    stubFetch({
      status: 422,
      contentType: 'application/problem+json',
      body: {
        type: 'https://medsales.example/problems/validation',
        title: 'Invalid request',
        status: 422,
        detail: 'The territory is not valid.',
        instance: '/api/territories/7',
        errors: [
          { field: 'name', message: 'must not be blank' },
          { pointer: '#/zip', detail: 'must be 5 digits', code: 'Pattern' },
        ],
        traceId: 'abc123',
      },
    });

    const error = await catchError(apiClient.post('/api/territories/7', { name: '' }));

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({
      name: 'ApiError',
      type: 'https://medsales.example/problems/validation',
      title: 'Invalid request',
      status: 422,
      detail: 'The territory is not valid.',
      instance: '/api/territories/7',
      message: 'The territory is not valid.',
    });
    expect(apiError.errors).toEqual([
      { field: 'name', message: 'must not be blank', code: undefined },
      { field: '#/zip', message: 'must be 5 digits', code: 'Pattern' },
    ]);
    expect(apiError.fieldErrors()).toEqual({ name: ['must not be blank'], '#/zip': ['must be 5 digits'] });
    expect(apiError.body).toMatchObject({ traceId: 'abc123' });
    expect(getErrorMessage(apiError)).toBe('Invalid request: The territory is not valid.');
  });

  it('fills in a ProblemDetail without optional members', async () => {
    stubFetch({ status: 404, contentType: 'application/problem+json', body: { title: 'Not Found', status: 404 } });

    const error = (await catchError(apiClient.get('/api/providers/1'))) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, errors: [] });
    expect(error.detail).toBeUndefined();
    expect(error.instance).toBeUndefined();
  });

  it('turns a non-ProblemDetail error response into an ApiError from the status', async () => {
    stubFetch({ status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>' });

    const error = (await catchError(apiClient.get('/api/providers'))) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, type: 'about:blank', title: 'Server error', errors: [] });
  });

  it('sends same-origin credentials, and the CSRF cookie as a header on non-GET requests only', async () => {
    document.cookie = 'XSRF-TOKEN=t0k%2Ben';
    const fetchMock = stubFetch({ status: 200, body: { ok: true } });

    await apiClient.get('/api/things', { params: { q: 'heart surgeon', page: 2, empty: undefined } });
    await apiClient.post('/api/things', { name: 'x' });

    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    expect(getUrl).toBe('/api/things?q=heart+surgeon&page=2');
    expect(getInit?.credentials).toBe('same-origin');
    expect(new Headers(getInit?.headers).has('X-XSRF-TOKEN')).toBe(false);

    const [postUrl, postInit] = fetchMock.mock.calls[1]!;
    const postHeaders = new Headers(postInit?.headers);
    expect(postUrl).toBe('/api/things');
    expect(postInit?.method).toBe('POST');
    expect(postInit?.credentials).toBe('same-origin');
    expect(postHeaders.get('X-XSRF-TOKEN')).toBe('t0k+en');
    expect(postHeaders.get('Content-Type')).toBe('application/json');
    expect(postInit?.body).toBe('{"name":"x"}');
  });

  it('reports a fetch that never got an answer as a NetworkError', async () => {
    stubFetch(new TypeError('Failed to fetch'));

    const error = await catchError(apiClient.get('/health'));

    expect(error).toBeInstanceOf(NetworkError);
    expect(getErrorMessage(error)).toMatch(/could not reach the medsales server/i);
  });

  it('parses the body of an accepted non-2xx status instead of failing', async () => {
    stubFetch({ status: 503, body: { status: 'DOWN' } });

    const data = await request('/health', { schema: z.object({ status: z.string() }), acceptStatuses: [503] });

    expect(data).toEqual({ status: 'DOWN' });
  });

  it('rejects a successful answer that does not match the schema', async () => {
    stubFetch({ status: 200, body: { status: 42 } });

    const error = await catchError(request('/health', { schema: z.object({ status: z.string() }) }));

    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('tells the unauthorized listeners of a 401, unless the request answers for its own credentials', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);
    try {
      stubFetch({ status: 401, contentType: 'application/problem+json', body: { title: 'Unauthorized', status: 401 } });

      const error = await catchError(apiClient.get('/api/v1/providers'));
      expect(error).toMatchObject({ status: 401 });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener).toHaveBeenCalledWith(error);

      await catchError(apiClient.post('/api/v1/auth/session', { username: 'a', password: 'b' }, { ignoreUnauthorized: true }));
      expect(listener).toHaveBeenCalledTimes(1);

      stubFetch({ status: 403, contentType: 'application/problem+json', body: { title: 'Forbidden', status: 403 } });
      await catchError(apiClient.get('/api/v1/admin/users'));
      expect(listener).toHaveBeenCalledTimes(1);
    } finally {
      unsubscribe();
    }

    stubFetch({ status: 401, body: { title: 'Unauthorized', status: 401 } });
    await catchError(apiClient.get('/api/v1/providers'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After as seconds into the ApiError', async () => {
    stubFetch({
      status: 429,
      contentType: 'application/problem+json',
      headers: { 'Retry-After': '900' },
      body: { title: 'Sign-in paused', status: 429, detail: 'Too many failed sign-ins.' },
    });

    const error = (await catchError(apiClient.post('/api/v1/auth/session', {}, { ignoreUnauthorized: true }))) as ApiError;

    expect(error).toMatchObject({ status: 429, title: 'Sign-in paused', retryAfterSeconds: 900 });
  });

  it('parses both forms of Retry-After', () => {
    const now = Date.parse('2026-11-26T18:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 26 Nov 2026 18:15:00 GMT', now)).toBe(900);
    expect(parseRetryAfter('Thu, 26 Nov 2026 17:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
