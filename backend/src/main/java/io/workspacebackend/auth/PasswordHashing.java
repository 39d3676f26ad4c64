package io.workspacebackend.auth;

import io.workspacebackend.reactive.JvmErrors;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id hashing (16 MiB, 2 iterations: about 25 ms here) on its own threads, one per core, so
 * that neither the event loop nor the JDBC threads wait for it.
 */
@Component
class PasswordHashing implements DisposableBean {
  private final Argon2PasswordEncoder encoder =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final Scheduler scheduler =
      Schedulers.newBoundedElastic(
          Runtime.getRuntime().availableProcessors(),
          Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE,
          "password");

  /**
   * Checked when the username does not exist, so that an unknown user costs the same time as a
   * wrong password. Its password is random and never stored: nothing can match it. Made on the
   * hashing threads while the server starts, rather than holding the start up.
   */
  private final Mono<String> dummyHash;

  PasswordHashing() {
    dummyHash = hash(randomPassword()).cache();
    dummyHash.subscribe();
  }

  Mono<String> hash(String password) {
    return Mono.fromCallable(JvmErrors.delivered(() -> encoder.encode(password)))
        .subscribeOn(scheduler);
  }

  /** Whether {@code password} matches {@code hash}; with no hash, false after the same work. */
  Mono<Boolean> matches(String password, Optional<String> hash) {
    return Mono.justOrEmpty(hash)
        .switchIfEmpty(dummyHash)
        .flatMap(
            checked ->
                Mono.fromCallable(
                        JvmErrors.delivered(
                            () -> encoder.matches(password, checked) && hash.isPresent()))
                    .subscribeOn(scheduler));
  }

  @Override
  public void destroy() {
    scheduler.dispose();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
