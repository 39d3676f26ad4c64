package io.workspacebackend;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind {@code serve}. Started only through {@link
 * io.workspacebackend.server.BackendServer}, which hands it the loaded configuration.
 */
@SpringBootApplication(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
public class WorkspaceBackendApplication {
  /** The time every expiry and timestamp is judged by. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
