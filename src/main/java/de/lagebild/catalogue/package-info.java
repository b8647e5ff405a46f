/**
 * The catalogue of offers (HSDS 3.0 names: organisations, services, locations), its public search
 * and the providers' self-service. Built in the catalogue issue.
 */
@ApplicationModule(displayName = "Catalogue")
package de.lagebild.catalogue;

import org.springframework.modulith.ApplicationModule;
