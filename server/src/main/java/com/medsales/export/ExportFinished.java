package com.medsales.export;

import java.util.UUID;

/**
 * An export ended, with its file ready ({@code DONE}) or not ({@code FAILED}): what a notification
 * ("your export is ready") listens to.
 */
public record ExportFinished(UUID tenantId, UUID userId, UUID exportId, String status) {}
