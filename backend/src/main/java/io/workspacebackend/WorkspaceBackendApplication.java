package io.workspacebackend;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;

/**
 * The Spring Boot application behind {@code serve}. Started only through {@link
 * io.workspacebackend.server.BackendServer}, which hands it the loaded configuration.
 */
@SpringBootApplication(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
public class WorkspaceBackendApplication {}
