package de.lagebild.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the offer catalogue ({@code lagebild.catalogue.*}).
 *
 * @param staleAfterDays offers not confirmed for this many days are listed as stale
 *     (LAGEBILD_CATALOGUE_STALE_AFTER_DAYS)
 */
@ConfigurationProperties("lagebild.catalogue")
public record CatalogueProperties(@DefaultValue("365") int staleAfterDays) {}
