package io.workspacebackend.session;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC's repository of {@code sessions}. Blocking: call it through {@code Database}.
 * Which rows are live is the state table's to say ({@code SessionStatus}), so it is asked of the
 * rows in memory (see SessionStore), never written here as SQL.
 */
interface SessionRows extends ListCrudRepository<SessionRow, String> {
  List<SessionRow> findByUserIdOrderByCreatedAtDesc(String userId);

  List<SessionRow> findAllByOrderByCreatedAtDesc();
}
