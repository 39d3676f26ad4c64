package io.workspacebackend.auth;

import io.workspacebackend.db.Database;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deletes expired revocations on start and then every hour, so the table stays small. */
@Component
class RevokedTokenPurge implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(RevokedTokenPurge.class);
  private static final Duration INTERVAL = Duration.ofHours(1);

  private final Database database;
  private final RevokedTokens revokedTokens;
  private final Clock clock;
  private Disposable schedule;

  RevokedTokenPurge(Database database, RevokedTokens revokedTokens, Clock clock) {
    this.database = database;
    this.revokedTokens = revokedTokens;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    schedule =
        Flux.interval(Duration.ZERO, INTERVAL)
            .concatMap(
                tick ->
                    database
                        .call(() -> revokedTokens.purgeExpired(clock.instant()))
                        .onErrorResume(
                            e -> {
                              log.warn("could not purge expired token revocations", e);
                              return Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void destroy() {
    if (schedule != null) {
      schedule.dispose();
    }
  }
}
