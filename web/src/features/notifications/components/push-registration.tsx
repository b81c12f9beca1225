import { Button } from '@/components/ui/button';
import { DateTime } from '@/components/ui/date-time';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { getErrorMessage } from '@/lib/api-client';

import { useDevices, useRegisterDevice, useRemoveDevice } from '../api/devices';

/**
 * Where the server has FCM configured: the browsers and phones push goes to, and turning push on in this
 * browser. The page that hosts the Firebase messaging script sets `window.medsalesFcmToken` to a function
 * answering this browser's FCM registration token (after the permission prompt).
 */
export function PushRegistration() {
  const devices = useDevices();
  const register = useRegisterDevice();
  const remove = useRemoveDevice();
  const tokenSource = (window as { medsalesFcmToken?: () => Promise<string> }).medsalesFcmToken;
  const supported = typeof Notification !== 'undefined' && tokenSource !== undefined;
  const enable = async () => {
    if ((await Notification.requestPermission()) !== 'granted' || !tokenSource) return;
    register.mutate(await tokenSource());
  };
  return (
    <Panel title="Push" subtitle="The devices your push notifications go to." testId="push-devices">
      <PanelBody>
        {supported ? (
          <Button type="button" onClick={() => void enable()} disabled={register.isPending}>
            Turn on push in this browser
          </Button>
        ) : (
          <p>Push is registered from the MedSales mobile app, or from a browser with Firebase messaging.</p>
        )}
        {register.isError ? <FormAlert>Could not turn push on: {getErrorMessage(register.error)}</FormAlert> : null}
        <QueryState query={devices} loadingLabel="Loading devices…" errorTitle="Could not load your devices" onRetry={() => void devices.refetch()}>
          {(items) =>
            items.length ? (
              <ul>
                {items.map((device) => (
                  <li key={device.id}>
                    {device.platform}, since <DateTime value={device.createdAt} />{' '}
                    <Button type="button" size="small" variant="secondary" onClick={() => remove.mutate(device.id)}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No device receives push yet.</p>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
