/**
 * The state platform: a Land tenant sees its member districts – what each shares with it – in an
 * overview of districts (map and table) and through the API. It reads a district's data only
 * through {@link de.lagebild.identity.StateDistricts#readShared}, in the district's scope and only
 * for the items the district shares, and writes nothing there.
 */
@ApplicationModule(displayName = "State")
package de.lagebild.state;

import org.springframework.modulith.ApplicationModule;
