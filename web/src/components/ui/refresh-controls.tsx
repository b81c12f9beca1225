import { Button } from '@/components/ui/button';
import { formatTime } from '@/lib/format';

/** "Checked at 14:05:09": when the data shown was last fetched, from a timestamp in ms. */
export function CheckedAt({ at }: { at: number }) {
  const date = new Date(at);
  return (
    <>
      Checked at <time dateTime={date.toISOString()}>{formatTime(date)}</time>
    </>
  );
}

type RefreshButtonProps = {
  onRefresh: () => void;
  /** Says "Refreshing…" instead of "Refresh". */
  refreshing: boolean;
  /** Defaults to `refreshing`. */
  disabled?: boolean;
};

/** Fetches the data of a panel again, at the user's request. */
export function RefreshButton({ onRefresh, refreshing, disabled = refreshing }: RefreshButtonProps) {
  return (
    <Button variant="secondary" size="small" onClick={onRefresh} disabled={disabled}>
      {refreshing ? 'Refreshing…' : 'Refresh'}
    </Button>
  );
}

/** The header actions of a panel of polled data: when it was last fetched (once it was), and Refresh. */
export function RefreshControls({ updatedAt, ...button }: RefreshButtonProps & { updatedAt: number }) {
  return (
    <>
      {updatedAt > 0 ? (
        <span>
          <CheckedAt at={updatedAt} />
        </span>
      ) : null}
      <RefreshButton {...button} />
    </>
  );
}
