package de.lagebild.platform;

/** Optimistic locking: someone else saved the same thing since the form was opened. */
public class ConcurrentEditException extends DomainException {
  public ConcurrentEditException(String what) {
    super("error.concurrentEdit", what);
  }
}
