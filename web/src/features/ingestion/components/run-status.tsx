import { StatusBadge } from '@/components/ui/status-badge';
import { statusLabel } from '@/features/ingestion/utils/run-labels';

/** The run status as a badge: icon and text, colour as reinforcement. */
export function RunStatus({ status, testId }: { status: string; testId?: string }) {
  return <StatusBadge status={status} label={statusLabel(status)} testId={testId} />;
}
