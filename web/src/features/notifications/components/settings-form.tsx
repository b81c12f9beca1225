import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Field, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { getErrorMessage } from '@/lib/api-client';

import { NOTIFICATION_TYPES } from '../api/notifications';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
  type Channels,
  type NotificationSettings,
} from '../api/settings';
import { typeLabel } from '../utils/labels';
import styles from './notifications.module.css';
import { PushRegistration } from './push-registration';

const CHANNELS: Array<{ key: keyof Channels; label: string }> = [
  { key: 'inApp', label: 'In the app' },
  { key: 'email', label: 'E-mail' },
  { key: 'push', label: 'Push' },
];

/** What I am told and how: channels per type, e-mail now or daily, quiet hours for push. */
export function NotificationSettingsPanel() {
  const settings = useNotificationSettings();
  return (
    <QueryState
      query={settings}
      loadingLabel="Loading your settings…"
      errorTitle="Could not load your notification settings"
      onRetry={() => void settings.refetch()}
    >
      {(loaded) => <SettingsForm key={JSON.stringify(loaded)} loaded={loaded} />}
    </QueryState>
  );
}

function SettingsForm({ loaded }: { loaded: NotificationSettings }) {
  const save = useSaveNotificationSettings();
  const [types, setTypes] = useState(loaded.types);
  const [emailMode, setEmailMode] = useState(loaded.emailMode);
  const [quiet, setQuiet] = useState(Boolean(loaded.quietHours));
  const [start, setStart] = useState(loaded.quietHours?.start.slice(0, 5) ?? '22:00');
  const [end, setEnd] = useState(loaded.quietHours?.end.slice(0, 5) ?? '07:00');
  const [timeZone, setTimeZone] = useState(
    loaded.quietHours ? loaded.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ types, emailMode, quietHours: quiet ? { start, end } : null, timeZone });
  };
  const toggle = (type: string, key: keyof Channels) =>
    setTypes((current) => {
      const channels = current[type] ?? { inApp: true, email: true, push: true };
      return { ...current, [type]: { ...channels, [key]: !channels[key] } };
    });
  return (
    <form onSubmit={onSubmit} aria-label="Notification settings" data-testid="notification-settings" noValidate>
      <Panel title="What you are told" subtitle="Per kind of notification, on which channels.">
        <PanelBody>
          <DataTable caption="Channels per type" testId="notification-channels">
            <thead>
              <tr className={styles.channels}>
                <th scope="col">Notification</th>
                {CHANNELS.map((channel) => (
                  <th scope="col" key={channel.key}>
                    {channel.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_TYPES.map((type) => (
                <tr key={type} className={styles.channels}>
                  <th scope="row">{typeLabel(type)}</th>
                  {CHANNELS.map((channel) => (
                    <td key={channel.key}>
                      <input
                        type="checkbox"
                        aria-label={`${typeLabel(type)}: ${channel.label}`}
                        checked={(types[type] ?? { inApp: true, email: true, push: true })[channel.key]}
                        onChange={() => toggle(type, channel.key)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </DataTable>
          {loaded.emailAvailable === false ? <p>E-mail is not configured on this server.</p> : null}
        </PanelBody>
      </Panel>
      <Panel title="How">
        <PanelBody>
          <Field label="E-mail">
            {(control) => (
              <select {...control} value={emailMode} onChange={(event) => setEmailMode(event.target.value)}>
                <option value="IMMEDIATE">As it happens</option>
                <option value="DAILY_DIGEST">One daily digest</option>
              </select>
            )}
          </Field>
          <label>
            <input type="checkbox" checked={quiet} onChange={(event) => setQuiet(event.target.checked)} /> Quiet hours for
            push
          </label>
          {quiet ? (
            <div className={styles.toolbar}>
              <Field label="From">{(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
              <Field label="Until">{(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}</Field>
              <Field label="Time zone">
                {(control) => <input {...control} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />}
              </Field>
            </div>
          ) : null}
          <div className={formStyles.actions}>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save settings'}
            </Button>
          </div>
          {save.isSuccess ? <p role="status">Saved.</p> : null}
          {save.isError ? <FormAlert>Could not save: {getErrorMessage(save.error)}</FormAlert> : null}
        </PanelBody>
      </Panel>
      {loaded.pushAvailable ? <PushRegistration /> : null}
    </form>
  );
}
