package io.workspacebackend.server;

import io.workspacebackend.WorkspaceBackendApplication;
import io.workspacebackend.auth.JwtSecretFile;
import io.workspacebackend.config.WorkspaceConfig;
import io.workspacebackend.container.ContainerRuntime;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.reactive.StandardReactiveWebEnvironment;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The one public way to run the backend: {@code serve} uses it, and so does the desktop console
 * when it starts a server inside its own JVM.
 */
public final class BackendServer implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final CountDownLatch closed = new CountDownLatch(1);

  private BackendServer(ConfigurableApplicationContext context) {
    this.context = context;
    // Spring's own shutdown hook closes the context on SIGTERM; that must release awaitClose too.
    context.addApplicationListener((ContextClosedEvent event) -> closed.countDown());
  }

  /** Starts the server and returns once it listens. */
  public static BackendServer start(WorkspaceConfig config) throws ServerStartException {
    StartupPreparation.checkPortFree(config);
    StartupPreparation.prepareFiles(config);
    ContainerRuntime runtime = StartupPreparation.connectRuntime(config);
    StandardReactiveWebEnvironment environment = new StandardReactiveWebEnvironment();
    // Our configuration outranks anything Spring would otherwise read (SERVER_PORT, -D flags).
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("workspace-backend", SpringProperties.from(config)));
    SpringApplication application = new SpringApplication(WorkspaceBackendApplication.class);
    application.setWebApplicationType(WebApplicationType.REACTIVE);
    application.setEnvironment(environment);
    application.addInitializers(
        context -> {
          context.getBeanFactory().registerSingleton("workspaceConfig", config);
          context.getBeanFactory().registerSingleton("containerRuntime", runtime);
          // Registered instances get no destroy callback: close the runtime with the context.
          context.addApplicationListener((ContextClosedEvent event) -> runtime.close());
        });
    try {
      return new BackendServer(application.run());
    } catch (RuntimeException e) {
      runtime.close();
      throw explain(config, e);
    }
  }

  private static ServerStartException explain(WorkspaceConfig config, RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PortInUseException portInUse) {
        return StartupPreparation.portInUse(config, portInUse.getPort(), failure);
      }
      if (cause instanceof ServerStartException known) {
        return known;
      }
      if (cause instanceof JwtSecretFile.InvalidSecretException secret) {
        return new ServerStartException(secret.getMessage(), failure);
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new ServerStartException("the server failed to start: " + root.getMessage(), failure);
  }

  /** The port the server listens on (the real one when the configuration asked for 0). */
  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    String host = context.getEnvironment().getProperty("server.address", "127.0.0.1");
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port());
  }

  /**
   * The running server's bean of {@code type}, for the launcher, which works beside a server it
   * started in the same JVM (the first admin's invite goes into the database the server migrated).
   */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Blocks until {@link #close()} is called, for example by the JVM's shutdown hook. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /**
   * Stops the server gracefully: in-flight requests finish, then connections and the pool close.
   */
  @Override
  public void close() {
    try {
      context.close();
    } finally {
      closed.countDown();
    }
  }
}
