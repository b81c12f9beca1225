/**
 * Client-side route paths, shared by the router and by features that link to pages
 * (features must not import from src/app).
 */
export const paths = {
  overview: '/',
  providers: '/providers',
  provider: '/providers/:npi',
  ingestion: '/admin/ingestion',
  ingestionRun: '/admin/ingestion/runs/:id',
} as const;

export function ingestionRunHref(id: number | string): string {
  return paths.ingestionRun.replace(':id', encodeURIComponent(String(id)));
}

export function providerHref(npi: string): string {
  return paths.provider.replace(':npi', encodeURIComponent(npi));
}
