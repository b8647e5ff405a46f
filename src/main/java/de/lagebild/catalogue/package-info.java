/**
 * The catalogue of offers (HSDS 3.0 names: organisations, services, locations): the German public
 * search with filters and map, the providers' self-service with review, staleness and reminders,
 * imports from tables and HSDS, and the HSDS read API.
 */
@ApplicationModule(displayName = "Catalogue")
package de.lagebild.catalogue;

import org.springframework.modulith.ApplicationModule;
