package io.workspacebackend.user;

import io.workspacebackend.model.user.User;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Announces each user as the API shows it right after a change of theirs is committed
 * (registration, role, disabled flag, quota), for {@code GET /api/events}. Every such change goes
 * through the server (the {@code users} command uses its API), so none is missed.
 */
@Component
public class UserEvents {
  private final Sinks.Many<User> changes = Sinks.many().multicast().directBestEffort();
  private final Quotas quotas;

  UserEvents(Quotas quotas) {
    this.quotas = quotas;
  }

  /**
   * {@code account} as just committed. Call it after anything the change ends has been ended, so
   * that a demoted admin's stream is closed before the news goes out.
   */
  public synchronized void changed(UserAccount account) {
    changes.tryEmitNext(account.toApi(quotas.defaults()));
  }

  /** Every change from now on, delivered on the thread that announces it. */
  public Flux<User> changes() {
    return changes.asFlux();
  }
}
