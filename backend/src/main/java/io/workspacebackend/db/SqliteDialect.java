package io.workspacebackend.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.dialect.AbstractDialect;
import org.springframework.data.relational.core.dialect.IdGeneration;
import org.springframework.data.relational.core.dialect.LimitClause;
import org.springframework.data.relational.core.dialect.LockClause;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.LockOptions;

/**
 * Spring Data JDBC's view of SQLite, which it does not ship: {@code LIMIT/OFFSET} paging, no row
 * locks (SQLite locks the whole database), and instants stored as {@link StoredInstant} text (RFC
 * 3339, to the second) so the file stays readable with the {@code sqlite3} shell.
 */
public final class SqliteDialect extends AbstractDialect implements JdbcDialect {
  public static final SqliteDialect INSTANCE = new SqliteDialect();

  private static final LimitClause LIMIT_CLAUSE =
      new LimitClause() {
        @Override
        public String getLimit(long limit) {
          return "LIMIT " + limit;
        }

        @Override
        public String getOffset(long offset) {
          // SQLite has no OFFSET without LIMIT; -1 means "no limit".
          return "LIMIT -1 OFFSET " + offset;
        }

        @Override
        public String getLimitOffset(long limit, long offset) {
          return "LIMIT " + limit + " OFFSET " + offset;
        }

        @Override
        public LimitClause.Position getClausePosition() {
          return LimitClause.Position.AFTER_ORDER_BY;
        }
      };

  private static final LockClause NO_LOCK_CLAUSE =
      new LockClause() {
        @Override
        public String getLock(LockOptions lockOptions) {
          return "";
        }

        @Override
        public LockClause.Position getClausePosition() {
          return LockClause.Position.AFTER_ORDER_BY;
        }
      };

  private SqliteDialect() {}

  @Override
  public String getName() {
    return "SQLite";
  }

  @Override
  public LimitClause limit() {
    return LIMIT_CLAUSE;
  }

  @Override
  public LockClause lock() {
    return NO_LOCK_CLAUSE;
  }

  @Override
  public IdentifierProcessing getIdentifierProcessing() {
    return IdentifierProcessing.create(
        IdentifierProcessing.Quoting.ANSI, IdentifierProcessing.LetterCasing.AS_IS);
  }

  @Override
  public IdGeneration getIdGeneration() {
    return IdGeneration.DEFAULT;
  }

  @Override
  public Collection<Object> getConverters() {
    return List.of(InstantToText.INSTANCE, TextToInstant.INSTANCE, IntegerToBoolean.INSTANCE);
  }

  @WritingConverter
  enum InstantToText implements Converter<Instant, String> {
    INSTANCE;

    @Override
    public String convert(Instant source) {
      return StoredInstant.format(source);
    }
  }

  @ReadingConverter
  enum TextToInstant implements Converter<String, Instant> {
    INSTANCE;

    @Override
    public Instant convert(String source) {
      return Instant.parse(source);
    }
  }

  /** SQLite has no boolean: 0/1 columns (see the migrations' CHECKs) read as false/true. */
  @ReadingConverter
  enum IntegerToBoolean implements Converter<Integer, Boolean> {
    INSTANCE;

    @Override
    public Boolean convert(Integer source) {
      return source != 0;
    }
  }
}
