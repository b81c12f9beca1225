import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { crmQueryKey, recordPath } from './records';
import { list, optionalNumber, optionalString } from './schema';

export const OPPORTUNITIES_PATH = '/api/v1/opportunities';

export const stageSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  position: optionalNumber,
  probability: optionalNumber,
  outcome: z.string(),
});
export type Stage = z.output<typeof stageSchema>;

export const opportunitySchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  accountId: optionalString,
  accountName: optionalString,
  contactId: optionalString,
  stageId: z.string(),
  stageName: optionalString,
  amount: optionalNumber,
  closeDate: optionalString,
  probability: optionalNumber,
  products: list(z.string()),
  ownerId: optionalString,
  ownerName: optionalString,
  updatedAt: optionalString,
});
export type Opportunity = z.output<typeof opportunitySchema>;

const columnSchema = z.looseObject({ stage: stageSchema, opportunities: z.array(opportunitySchema), total: optionalNumber });
export type BoardColumn = z.output<typeof columnSchema>;

const forecastMonthSchema = z.looseObject({
  month: z.string(),
  opportunities: optionalNumber,
  amount: optionalNumber,
  weighted: optionalNumber,
  won: optionalNumber,
});
export type ForecastMonth = z.output<typeof forecastMonthSchema>;

export const boardQueryKey = [...crmQueryKey, 'opportunities', 'board'] as const;

/** GET /api/v1/opportunities/board: every stage with its opportunities and their total. */
export function useBoard() {
  return useQuery({
    queryKey: boardQueryKey,
    queryFn: ({ signal }) => apiClient.get(`${OPPORTUNITIES_PATH}/board`, { schema: z.array(columnSchema), signal }),
  });
}

/** GET /api/v1/opportunities/forecast: open, weighted and won amounts by month of expected close. */
export function useForecast(months = 6) {
  return useQuery({
    queryKey: [...crmQueryKey, 'opportunities', 'forecast', months],
    queryFn: ({ signal }) =>
      apiClient.get(`${OPPORTUNITIES_PATH}/forecast`, { schema: z.array(forecastMonthSchema), params: { months }, signal }),
  });
}

export type NewOpportunity = {
  name: string;
  amount?: number;
  closeDate?: string;
  stageId?: string;
  accountId?: string;
  contactId?: string;
};

/** GET /api/v1/opportunities/{id}: one deal. */
export function useOpportunity(id: string) {
  return useQuery({
    queryKey: [...crmQueryKey, 'opportunities', id],
    queryFn: ({ signal }) => apiClient.get(recordPath('opportunities', id), { schema: opportunitySchema, signal }),
  });
}

/** PATCH /api/v1/opportunities/{id}: the changed fields with the version read (409 with the deal as it is now). */
export function useUpdateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, change }: { id: string; version: number; change: Record<string, unknown> }) =>
      apiClient.patch(recordPath('opportunities', id), { version, ...change }, { schema: opportunitySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

export function useCreateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (opportunity: NewOpportunity) =>
      apiClient.post(OPPORTUNITIES_PATH, opportunity, { schema: opportunitySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

/** Moves a card between columns of a board, as the server will once the PATCH lands. */
export function moveOnBoard(board: BoardColumn[], opportunityId: string, stageId: string): BoardColumn[] {
  const card = board.flatMap((column) => column.opportunities).find((o) => o.id === opportunityId);
  if (!card || card.stageId === stageId) return board;
  const moved = { ...card, stageId };
  return board.map((column) => {
    const opportunities =
      column.stage.id === stageId
        ? [...column.opportunities, moved]
        : column.opportunities.filter((o) => o.id !== opportunityId);
    const total = opportunities.reduce((sum, o) => sum + (o.amount ?? 0), 0);
    return { ...column, opportunities, total };
  });
}

/** PATCH /api/v1/opportunities/{id} {version, stageId}: optimistic on the board, rolled back on failure. */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunity, stageId }: { opportunity: Opportunity; stageId: string }) =>
      apiClient.patch(
        recordPath('opportunities', opportunity.id),
        { version: opportunity.version, stageId },
        { schema: opportunitySchema },
      ),
    onMutate: async ({ opportunity, stageId }) => {
      await queryClient.cancelQueries({ queryKey: boardQueryKey });
      const before = queryClient.getQueryData<BoardColumn[]>(boardQueryKey);
      if (before) queryClient.setQueryData(boardQueryKey, moveOnBoard(before, opportunity.id, stageId));
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(boardQueryKey, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}

const stagesQueryKey = [...crmQueryKey, 'opportunities', 'stages'] as const;

/** GET /api/v1/opportunities/stages: the pipeline's stages in order. */
export function useStages() {
  return useQuery({
    queryKey: stagesQueryKey,
    queryFn: ({ signal }) => apiClient.get(`${OPPORTUNITIES_PATH}/stages`, { schema: z.array(stageSchema), signal }),
  });
}

/** A stage as the configuration sends it: an id keeps (and renames) a stage, none adds one. */
export type StageDraft = { id?: string; name: string; probability: number; outcome: string };

/** PUT /api/v1/opportunities/stages (administrators): the whole list in its new order. */
export function useConfigureStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stages: StageDraft[]) =>
      apiClient.put(`${OPPORTUNITIES_PATH}/stages`, stages, { schema: z.array(stageSchema) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmQueryKey }),
  });
}
