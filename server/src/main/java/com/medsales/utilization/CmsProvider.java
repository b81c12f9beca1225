package com.medsales.utilization;

import org.jspecify.annotations.Nullable;

/** A provider as a CMS file names and places them (for an NPI that the NPPES registry lacks). */
public record CmsProvider(
    long npi,
    int year,
    @Nullable String lastOrOrganizationName,
    @Nullable String firstName,
    @Nullable String middleInitial,
    @Nullable String credentials,
    @Nullable String entityCode,
    @Nullable String street1,
    @Nullable String street2,
    @Nullable String city,
    @Nullable String state,
    @Nullable String zip5,
    @Nullable String country,
    @Nullable String providerType) {}
