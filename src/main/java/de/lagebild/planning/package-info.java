/**
 * The middle of the planning cycle: needs (Bedarfe) with their evidence from the atlas, surveys and
 * conferences, their status from "erkannt" to "gedeckt", and the goals that answer them – the first
 * link of the chain from indicator to effect that the goal pages show.
 */
@ApplicationModule(displayName = "Planning")
package de.lagebild.planning;

import org.springframework.modulith.ApplicationModule;
