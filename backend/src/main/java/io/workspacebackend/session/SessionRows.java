package io.workspacebackend.session;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * Spring Data JDBC's repository of {@code sessions}. Blocking: call it through {@code Database}.
 */
interface SessionRows extends ListCrudRepository<SessionRow, String> {
  List<SessionRow> findByUserIdOrderByCreatedAtDesc(String userId);

  List<SessionRow> findAllByOrderByCreatedAtDesc();

  @Query(
      "SELECT * FROM sessions WHERE status IN ('pending', 'starting', 'running', 'stopping')"
          + " ORDER BY created_at")
  List<SessionRow> findLive();

  /** Every session's workspace, whatever its state: a stopped or failed one may start again. */
  @Query("SELECT DISTINCT workspace_path FROM sessions")
  List<String> findWorkspacePaths();

  @Query(
      "SELECT count(*) FROM sessions WHERE user_id = :userId"
          + " AND status IN ('pending', 'starting', 'running', 'stopping')")
  int countLiveOf(@Param("userId") String userId);
}
