package io.workspacebackend.invite;

import io.workspacebackend.model.invite.Invite;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Announces each invite code right after it is created, used by a registration or revoked, for
 * {@code GET /api/events}. Codes the CLI makes or revokes in the database directly are not seen
 * here.
 */
@Component
public class InviteEvents {
  private final Sinks.Many<Invite> changes = Sinks.many().multicast().directBestEffort();

  /** {@code invite} as just committed. */
  public synchronized void changed(Invite invite) {
    changes.tryEmitNext(invite);
  }

  void changed(List<Invite> invites) {
    invites.forEach(this::changed);
  }

  /** Every change from now on, delivered on the thread that announces it. */
  public Flux<Invite> changes() {
    return changes.asFlux();
  }
}
