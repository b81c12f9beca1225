package com.medsales.notification;

import org.jspecify.annotations.Nullable;

/**
 * One notification's content. {@code eventKey} names the event: a user gets at most one
 * notification per key, however often it is raised.
 *
 * @param link a path in the web app (e.g. {@code /providers/1234567890}), or null
 */
public record Notice(
    NotificationType type,
    String eventKey,
    String title,
    String body,
    @Nullable String link,
    @Nullable Long npi) {}
