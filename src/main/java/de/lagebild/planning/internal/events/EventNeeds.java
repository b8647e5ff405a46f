package de.lagebild.planning.internal.events;

import java.util.List;
import java.util.UUID;

/** The needs recorded from an event (implemented where needs are kept). */
public interface EventNeeds {

  /** A need as the event's page lists it. */
  record Recorded(UUID id, String title, String status) {}

  List<Recorded> of(UUID event);
}
