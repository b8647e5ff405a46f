package de.lagebild.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/** Column types that behave the same on SQLite and PostgreSQL (ADR 0002). */
public final class Types {

  /** UUIDs are stored as 36-character text on both databases. */
  public static final DataType<UUID> ID =
      SQLDataType.VARCHAR(36)
          .asConvertedDataType(
              Converter.ofNullable(String.class, UUID.class, UUID::fromString, UUID::toString));

  public static final DataType<Instant> INSTANT = SQLDataType.INSTANT;
  public static final DataType<LocalDate> DATE = SQLDataType.LOCALDATE;
  public static final DataType<String> TEXT = SQLDataType.VARCHAR;
  public static final DataType<Integer> INT = SQLDataType.INTEGER;
  public static final DataType<Long> BIGINT = SQLDataType.BIGINT;
  public static final DataType<Boolean> BOOL = SQLDataType.BOOLEAN;
  public static final DataType<byte[]> BYTES = SQLDataType.BLOB;

  private Types() {}
}
