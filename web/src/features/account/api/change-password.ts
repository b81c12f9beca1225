import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import { apiClient } from '@/lib/api-client';

export const passwordChangeInputSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: z.string().min(12, 'Use at least 12 characters.'),
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  });

export type PasswordChange = { currentPassword: string; newPassword: string };

/** POST /api/v1/me/password: 204, or 400 with errors on currentPassword (wrong) or newPassword (policy). */
export function changePassword(change: PasswordChange): Promise<unknown> {
  return apiClient.post('/api/v1/me/password', change);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
