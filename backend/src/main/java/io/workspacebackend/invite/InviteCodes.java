package io.workspacebackend.invite;

import io.workspacebackend.db.JdbcAccess;
import io.workspacebackend.db.StoredInstant;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.user.Roles;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code invite_codes} table and what can be done with a code: generate, list, revoke and
 * consume. The server and the CLI both use this class, so both run the same SQL. Blocking: the
 * server calls it through {@code Database}.
 */
@Component
public class InviteCodes {
  private static final String COLUMNS =
      "code, role, max_uses, uses, expires_at, revoked, note, created_at, created_by";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final InviteCodeFormat format = new InviteCodeFormat(new SecureRandom());

  public InviteCodes(JdbcAccess access, Clock clock) {
    this.jdbc = access.jdbc();
    this.transactions = access.transactions();
    this.clock = clock;
  }

  /** Creates the codes in one transaction: all of them or none. */
  public List<Invite> generate(NewInvites spec) {
    Instant now = clock.instant();
    return transactions.execute(
        status -> {
          List<Invite> created = new ArrayList<>();
          for (int i = 0; i < spec.count(); i++) {
            String code = format.newCode();
            jdbc.sql(
                    "INSERT INTO invite_codes ("
                        + COLUMNS
                        + ") VALUES (:code, :role, :maxUses, 0,"
                        + " :expiresAt, 0, :note, :createdAt, :createdBy)")
                .param("code", code)
                .param("role", spec.role().wireName())
                .param("maxUses", spec.maxUses())
                .param("expiresAt", spec.expiresIn().map(ttl -> stored(now.plus(ttl))).orElse(null))
                .param("note", spec.note().orElse(null))
                .param("createdAt", stored(now))
                .param("createdBy", spec.createdBy().orElse(null))
                .update();
            created.add(find(code));
          }
          return created;
        });
  }

  /** Every code ever made, newest first. */
  public List<Invite> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM invite_codes ORDER BY created_at DESC, rowid DESC")
        .query(InviteCodes::map)
        .list();
  }

  /**
   * Revokes {@code code} (typed with or without dashes); revoking a revoked code changes nothing.
   * The row stays, for history.
   *
   * @throws InviteNotFoundException if there is no such code
   */
  public Invite revoke(String code) {
    String canonical = InviteCodeFormat.canonical(code);
    int updated =
        jdbc.sql("UPDATE invite_codes SET revoked = 1 WHERE code = :code")
            .param("code", canonical)
            .update();
    if (updated == 0) {
      throw new InviteNotFoundException(code);
    }
    return find(canonical);
  }

  /**
   * Uses up one use of {@code code} and returns the code as it is now (its role is what the new
   * account gets). One conditional UPDATE, so concurrent registrations cannot spend more uses than
   * the code has. Run it inside the transaction that creates the user, so that a failed
   * registration gives the use back.
   *
   * @throws InviteUnavailableException if the code is unknown, revoked, expired or used up
   */
  public Invite consume(String code) {
    String canonical = InviteCodeFormat.canonical(code);
    int updated =
        jdbc.sql(
                "UPDATE invite_codes SET uses = uses + 1 WHERE code = :code AND revoked = 0"
                    + " AND uses < max_uses AND (expires_at IS NULL OR expires_at > :now)")
            .param("code", canonical)
            .param("now", stored(clock.instant()))
            .update();
    if (updated == 0) {
      throw new InviteUnavailableException();
    }
    return find(canonical);
  }

  /** The clock the states are judged by, for callers that show them. */
  public Instant now() {
    return clock.instant();
  }

  private Invite find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM invite_codes WHERE code = :code")
        .param("code", code)
        .query(InviteCodes::map)
        .single();
  }

  private static String stored(Instant instant) {
    return StoredInstant.format(instant);
  }

  private static Invite map(ResultSet row, int rowNumber) throws SQLException {
    return new Invite(
        row.getString("code"),
        Roles.parse(row.getString("role")).orElseThrow(),
        row.getInt("max_uses"),
        row.getInt("uses"),
        StoredInstant.parse(row.getString("expires_at")),
        row.getInt("revoked") != 0,
        row.getString("note"),
        StoredInstant.parse(row.getString("created_at")),
        row.getString("created_by"));
  }
}
