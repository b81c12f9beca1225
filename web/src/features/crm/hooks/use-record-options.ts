import { useAccounts } from '../api/accounts';
import { useContacts } from '../api/contacts';

export type RecordOption = { value: string; label: string };

/** "None", then the records, keeping the current one listed even when it is not among those loaded. */
function withCurrent(options: RecordOption[], current: string | null | undefined, currentLabel: string): RecordOption[] {
  const listed = current && !options.some((option) => option.value === current)
    ? [...options, { value: current, label: currentLabel }]
    : options;
  return [{ value: '', label: 'None' }, ...listed];
}

/** The accounts a deal or task can be linked to: those the user may see, by name. */
export function useAccountOptions(current?: { id?: string | null; name?: string | null }): RecordOption[] {
  const accounts = useAccounts({});
  const options = (accounts.data ?? []).map((account) => ({ value: account.id, label: account.name }));
  return withCurrent(options, current?.id, current?.name ?? 'The current account');
}

/** The contacts a deal can be linked to: the first page of those the user may see, narrowed by `q`. */
export function useContactOptions(q: string, current?: { id?: string | null; name?: string | null }): RecordOption[] {
  const contacts = useContacts(q ? { q } : {});
  const options = (contacts.data?.items ?? []).map((contact) => ({ value: contact.id, label: contact.displayName }));
  return withCurrent(options, current?.id, current?.name ?? 'The current contact');
}
