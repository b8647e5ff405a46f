package de.lagebild.platform;

import java.util.UUID;

/** The logged-in principal as the audit log sees it. */
public interface ActorPrincipal {
  UUID actorId();

  String actorName();
}
