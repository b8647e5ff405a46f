package de.lagebild.platform;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a short write transaction again when it collided with another writer at the same moment: on
 * PostgreSQL a key taken between a read and a write (a version number counted up by two
 * transactions), on the embedded SQLite file a write after another connection wrote since this
 * transaction's first read ({@code SQLITE_BUSY_SNAPSHOT}; SQLite asks to run the transaction
 * again). Used where the work computes the next number of a series and must not fail for a
 * colleague saving at the same moment.
 */
public final class ConcurrentWrites {

  private ConcurrentWrites() {}

  /**
   * {@code transaction} (which must run in a transaction of its own), up to {@code attempts} times;
   * then {@code exhausted} is thrown.
   */
  public static <T> T retry(
      int attempts, Supplier<T> transaction, Supplier<? extends RuntimeException> exhausted) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (!collided(e)) {
          throw e;
        }
        if (attempt >= attempts) {
          RuntimeException out = exhausted.get();
          out.addSuppressed(e);
          throw out;
        }
        try {
          Thread.sleep(5L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Whether {@code e} says another writer came between (see the class comment). */
  static boolean collided(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException || t instanceof PessimisticLockingFailureException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("SQLITE_BUSY_SNAPSHOT") || m.contains("[SQLITE_BUSY]"))) {
        return true;
      }
    }
    return false;
  }
}
