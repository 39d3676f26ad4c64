package io.workspacebackend.testing;

import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.user.Role;
import java.time.Duration;
import java.util.List;

/**
 * Deletes every session a backend still has, as an admin would: for tests whose sessions are made
 * by a program under test, which leaves them behind when it fails half-way (sessions outlive the
 * backend, whose next start would adopt them).
 */
public final class LeftoverSessions {
  private LeftoverSessions() {}

  public static void deleteAll(RunningBackend backend) {
    Accounts accounts = new Accounts(backend);
    SessionClient admin =
        new SessionClient(
            accounts
                .as(accounts.register(Role.ADMIN).token())
                .mutate()
                // Deleting waits for the container to stop and be removed.
                .responseTimeout(Duration.ofSeconds(90))
                .build());
    List<Session> left = admin.listAll();
    for (Session session : left == null ? List.<Session>of() : left) {
      admin.delete(session.id());
    }
  }
}
