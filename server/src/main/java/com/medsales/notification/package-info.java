/**
 * Tells users what changed for the providers, records and jobs they care about, in the inbox, by
 * e-mail and by push, exactly once: {@link com.medsales.notification.Notifications} raises them,
 * the notification worker delivers them.
 */
@NullMarked
package com.medsales.notification;

import org.jspecify.annotations.NullMarked;
