import { vi } from 'vitest';

export type StubResponse = {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
};

export function jsonResponse({ status = 200, body, contentType = 'application/json', headers }: StubResponse): Response {
  return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType, ...headers },
  });
}

/**
 * Replaces global fetch (restored after each test by `unstubGlobals`). Each call takes the
 * next answer; the last one repeats. An Error answer makes fetch reject, as on a network failure.
 */
export function stubFetch(...answers: Array<StubResponse | Error>) {
  let call = 0;
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
    const answer = answers[Math.min(call, answers.length - 1)];
    call += 1;
    if (answer === undefined) throw new Error('stubFetch: no answer configured');
    if (answer instanceof Error) throw answer;
    return jsonResponse(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

type StubAnswer = StubResponse | Error | undefined;

export type StubRequest = {
  method: string;
  /** Path and query, e.g. "/api/v1/admin/ingestion/runs?limit=50". */
  url: string;
  /** The JSON body parsed, when there was one. */
  body: unknown;
  headers: Headers;
};

/**
 * Replaces global fetch with a handler that answers by method and URL, for screens that
 * call several endpoints or poll. Unhandled requests (handler returns undefined) get a 404.
 * The handler may return a promise, to hold a request pending.
 */
export function stubApi(
  handler: (request: StubRequest) => StubAnswer | Promise<StubAnswer>,
) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (typeof init?.body === 'string') {
      try {
        body = JSON.parse(init.body) as unknown;
      } catch {
        body = init.body;
      }
    }
    const answer = await handler({ method, url, body, headers: new Headers(init?.headers) });
    if (answer instanceof Error) throw answer;
    return jsonResponse(
      answer ?? {
        status: 404,
        contentType: 'application/problem+json',
        body: { type: 'about:blank', title: 'Not Found', status: 404, detail: `No stub for ${method} ${url}` },
      },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests a fetch mock received, as method + URL strings, e.g. "POST /api/…/retry". */
export function requestsOf(fetchMock: ReturnType<typeof vi.fn>): string[] {
  return fetchMock.mock.calls.map(([input, init]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
    return `${((init as RequestInit | undefined)?.method ?? 'GET').toUpperCase()} ${url}`;
  });
}

/** An error answer as the server sends it: an RFC 9457 ProblemDetail, with field errors for a 400. */
export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  errors?: Array<{ field?: string; message: string }>,
): StubResponse {
  return {
    status,
    contentType: 'application/problem+json',
    body: { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) },
  };
}
