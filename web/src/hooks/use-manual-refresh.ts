import { useState } from 'react';

/**
 * A refetch asked for by the user. `refreshing` is true only while that one runs, so that
 * polling (which may refetch every few seconds) does not show as busy.
 */
export function useManualRefresh(refetch: () => Promise<unknown>) {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = () => {
    setRefreshing(true);
    void refetch().finally(() => setRefreshing(false));
  };
  return { refreshing, refresh };
}
