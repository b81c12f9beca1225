import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

import { adminQueryKey } from './users';

export const TEAMS_PATH = '/api/v1/admin/teams';

export const teamSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  managerId: z.string().nullish(),
  memberIds: z.array(z.string()).nullish().transform((ids) => ids ?? []),
});

export type Team = z.output<typeof teamSchema>;

export const teamsQueryKey = [...adminQueryKey, 'teams'] as const;

export function getTeams({ signal }: { signal?: AbortSignal } = {}): Promise<Team[]> {
  return apiClient.get(TEAMS_PATH, { schema: z.array(teamSchema), signal });
}

export function useTeams() {
  return useQuery({ queryKey: teamsQueryKey, queryFn: ({ signal }) => getTeams({ signal }) });
}

export const teamInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the team.').max(100, 'At most 100 characters.'),
  managerId: z.string(),
  memberIds: z.array(z.string()),
});

export type TeamInput = z.output<typeof teamInputSchema>;

/** POST /api/v1/admin/teams (201) without an id, PUT /api/v1/admin/teams/{id} with one: the whole team. */
export function saveTeam({ id, team }: { id?: string; team: TeamInput }): Promise<Team> {
  const body = { name: team.name, managerId: team.managerId || null, memberIds: team.memberIds };
  return id
    ? apiClient.put(`${TEAMS_PATH}/${encodeURIComponent(id)}`, body, { schema: teamSchema })
    : apiClient.post(TEAMS_PATH, body, { schema: teamSchema });
}

/** Teams change the users' team names too, so everything administrative is refreshed. */
export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}

export function deleteTeam(id: string): Promise<unknown> {
  return apiClient.delete(`${TEAMS_PATH}/${encodeURIComponent(id)}`);
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}
