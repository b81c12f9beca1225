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
