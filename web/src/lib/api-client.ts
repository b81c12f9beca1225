import { z } from 'zod';

/**
 * The single HTTP client of the app. The SPA is served by the MedSales server itself,
 * so every call goes to the same origin (relative URLs) and carries the session cookie.
 */
export const API_BASE_URL = '';

export const CSRF_COOKIE_NAME = 'XSRF-TOKEN';
export const CSRF_HEADER_NAME = 'X-XSRF-TOKEN';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** One entry of the optional `errors` extension of a ProblemDetail (validation errors). */
export type ProblemFieldError = {
  /** Field or JSON pointer the error is about, when the server names one. */
  field?: string;
  message: string;
  code?: string;
};

const problemFieldErrorSchema = z
  .looseObject({
    field: z.string().nullish(),
    pointer: z.string().nullish(),
    parameter: z.string().nullish(),
    message: z.string().nullish(),
    detail: z.string().nullish(),
    code: z.string().nullish(),
  })
  .transform(
    (raw): ProblemFieldError => ({
      field: raw.field ?? raw.pointer ?? raw.parameter ?? undefined,
      message: raw.message ?? raw.detail ?? 'Invalid value',
      code: raw.code ?? undefined,
    }),
  );

/** RFC 9457 problem details, as sent by the server with `application/problem+json`. */
export const problemDetailSchema = z.looseObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: z.number().int().nullish(),
  detail: z.string().nullish(),
  instance: z.string().nullish(),
  errors: z.array(problemFieldErrorSchema).nullish(),
});

export type ProblemDetail = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: ProblemFieldError[];
};

/** The server answered with an error status. Carries the (possibly synthesised) ProblemDetail. */
export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: ProblemFieldError[];
  /** The raw body when it was a ProblemDetail, including any extension members. */
  readonly body?: unknown;
  /** Seconds to wait before trying again, from a Retry-After header (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(problem: ProblemDetail, body?: unknown, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors;
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Validation messages keyed by field, for forms. */
  fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const error of this.errors) {
      if (!error.field) continue;
      (byField[error.field] ??= []).push(error.message);
    }
    return byField;
  }
}

/** The request never got an HTTP answer (offline, DNS, server down, CORS, aborted...). */
export class NetworkError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Could not reach the MedSales server. Check your connection and try again.', options);
    this.name = 'NetworkError';
  }
}

/** The server answered successfully but the body did not match the expected schema. */
export class InvalidResponseError extends Error {
  readonly url: string;
  readonly issues: z.ZodError['issues'];

  constructor(url: string, issues: z.ZodError['issues']) {
    super(`The server sent an unexpected response for ${url}.`);
    this.name = 'InvalidResponseError';
    this.url = url;
    this.issues = issues;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message fit to show a user, whatever the error was. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something unexpected went wrong.';
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions<TSchema extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON unless it is already a BodyInit such as FormData. */
  body?: unknown;
  params?: QueryParams;
  headers?: HeadersInit;
  signal?: AbortSignal;
  /** Validates and types the response body. Omit for responses without a body. */
  schema?: TSchema;
  /**
   * Non-2xx statuses whose body is a regular answer rather than an error
   * (e.g. 503 from /health, which still describes the system).
   */
  acceptStatuses?: readonly number[];
  /**
   * A 401 here answers the credentials sent with this very request (sign-in, sign-out), so it
   * does not mean that the session has ended: the unauthorized listeners are not told.
   */
  ignoreUnauthorized?: boolean;
};

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Calls `listener` whenever the server answers 401 (the session ended or was never there),
 * so that the app can send the user to sign in. Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined' || !document.cookie) return undefined;
  for (const part of document.cookie.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

export function buildUrl(path: string, params?: QueryParams): string {
  const url = `${API_BASE_URL}${path}`;
  if (!params) return url;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    search.append(key, String(value));
  }
  const query = search.toString();
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ArrayBuffer
  );
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Turns any non-accepted HTTP answer into an ApiError, using the ProblemDetail when there is one. */
export function toApiError(response: Response, body: unknown): ApiError {
  const parsed = problemDetailSchema.safeParse(body);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const contentType = response.headers.get('content-type') ?? '';
  const looksLikeProblem =
    parsed.success &&
    (contentType.includes('application/problem+json') || Boolean(parsed.data.title ?? parsed.data.detail));

  if (parsed.success && looksLikeProblem) {
    const problem = parsed.data;
    return new ApiError(
      {
        type: problem.type ?? 'about:blank',
        title: problem.title ?? (response.statusText || defaultTitle(response.status)),
        status: problem.status ?? response.status,
        detail: problem.detail ?? undefined,
        instance: problem.instance ?? undefined,
        errors: problem.errors ?? [],
      },
      body,
      retryAfter,
    );
  }

  return new ApiError(
    {
      type: 'about:blank',
      title: response.statusText || defaultTitle(response.status),
      status: response.status,
      errors: [],
    },
    undefined,
    retryAfter,
  );
}

function defaultTitle(status: number): string {
  if (status === 401) return 'Not signed in';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'Not found';
  if (status >= 500) return 'Server error';
  return 'Request failed';
}

export async function request<TSchema extends z.ZodType = z.ZodUnknown>(
  path: string,
  options: RequestOptions<TSchema> = {},
): Promise<z.output<TSchema>> {
  const method = options.method ?? 'GET';
  const url = buildUrl(path, options.params);
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');

  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (isBodyInit(options.body)) {
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
  }

  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(CSRF_COOKIE_NAME);
    if (token) headers.set(CSRF_HEADER_NAME, token);
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // Let cancellations (TanStack Query aborting a stale request) through untouched.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError({ cause: error });
  }

  const data = await readBody(response);
  const accepted = response.ok || (options.acceptStatuses?.includes(response.status) ?? false);
  if (!accepted) {
    const error = toApiError(response, data);
    if (error.status === 401 && !options.ignoreUnauthorized) {
      unauthorizedListeners.forEach((listener) => listener(error));
    }
    throw error;
  }

  if (!options.schema) return data as z.output<TSchema>;
  const result = options.schema.safeParse(data);
  if (!result.success) throw new InvalidResponseError(url, result.error.issues);
  return result.data;
}

type BodylessOptions<TSchema extends z.ZodType> = Omit<RequestOptions<TSchema>, 'method' | 'body'>;

export const apiClient = {
  get: <TSchema extends z.ZodType = z.ZodUnknown>(path: string, options?: BodylessOptions<TSchema>) =>
    request(path, { ...options, method: 'GET' }),
  post: <TSchema extends z.ZodType = z.ZodUnknown>(
    path: string,
    body?: unknown,
    options?: BodylessOptions<TSchema>,
  ) => request(path, { ...options, method: 'POST', body }),
  put: <TSchema extends z.ZodType = z.ZodUnknown>(
    path: string,
    body?: unknown,
    options?: BodylessOptions<TSchema>,
  ) => request(path, { ...options, method: 'PUT', body }),
  patch: <TSchema extends z.ZodType = z.ZodUnknown>(
    path: string,
    body?: unknown,
    options?: BodylessOptions<TSchema>,
  ) => request(path, { ...options, method: 'PATCH', body }),
  delete: <TSchema extends z.ZodType = z.ZodUnknown>(path: string, options?: BodylessOptions<TSchema>) =>
    request(path, { ...options, method: 'DELETE' }),
};
