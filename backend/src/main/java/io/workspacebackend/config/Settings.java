package io.workspacebackend.config;

import static io.workspacebackend.config.DefaultValue.derived;
import static io.workspacebackend.config.DefaultValue.fixed;
import static io.workspacebackend.config.Section.AUTH;
import static io.workspacebackend.config.Section.CONTAINER;
import static io.workspacebackend.config.Section.LOGGING;
import static io.workspacebackend.config.Section.PATHS;
import static io.workspacebackend.config.Section.SERVER;
import static io.workspacebackend.config.Section.SESSIONS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/**
 * Every setting, defined once: the config file, the environment variables, the overrides and the
 * generated default file all come from this list.
 */
final class Settings {
  private Settings() {}

  static final Setting<String> SERVER_HOST =
      Setting.of(
          SERVER,
          "host",
          "Address the HTTP server listens on; \"0.0.0.0\" accepts connections from other hosts.",
          ValueTypes.text(),
          fixed("127.0.0.1"),
          c -> c.server().host());
  static final Setting<Integer> SERVER_PORT =
      Setting.of(
          SERVER,
          "port",
          "TCP port the HTTP server listens on (0 picks a free one).",
          ValueTypes.integer(0, 65535),
          fixed(8080),
          c -> c.server().port());
  static final Setting<List<String>> SERVER_ALLOWED_ORIGINS =
      Setting.of(
          SERVER,
          "allowed_origins",
          "Browser origins (scheme://host[:port]) allowed to call the API cross-origin.",
          ValueTypes.origins(),
          fixed(List.of()),
          c -> c.server().allowedOrigins());
  static final Setting<Optional<String>> SERVER_SESSION_DOMAIN =
      Setting.of(
          SERVER,
          "session_domain",
          "Domain under which each session gets a browser origin of its own,"
              + " <session-id>.<session_domain>; the API's own host must not lie under it.",
          ValueTypes.optionalDomainName(),
          derived(
              "\"localhost\" when host is a loopback address (browsers resolve *.localhost to"
                  + " loopback); otherwise empty, which keeps browsers out of sessions until it names"
                  + " a wildcard DNS domain that points at this server",
              "localhost",
              values ->
                  LoopbackHost.is(values.get(SERVER_HOST))
                      ? Optional.of("localhost")
                      : Optional.empty()),
          c -> c.server().sessionDomain());
  static final Setting<DataSize> SERVER_MAX_BODY_SIZE =
      Setting.of(
          SERVER,
          "max_body_size",
          "Largest request body the API accepts.",
          ValueTypes.dataSize(),
          fixed(DataSize.ofMegabytes(1)),
          c -> c.server().maxBodySize());

  static final Setting<Duration> AUTH_TOKEN_TTL =
      Setting.of(
          AUTH,
          "token_ttl",
          "How long a login token stays valid.",
          ValueTypes.duration(false),
          fixed(Duration.ofHours(24)),
          c -> c.auth().tokenTtl());
  static final Setting<Integer> AUTH_MAX_FAILED_LOGINS =
      Setting.of(
          AUTH,
          "max_failed_logins",
          "Failed logins or registrations allowed per client address and per username within"
              + " failed_login_window; further attempts get 429 with Retry-After.",
          ValueTypes.integer(1, Integer.MAX_VALUE),
          fixed(10),
          c -> c.auth().maxFailedLogins());
  static final Setting<Duration> AUTH_FAILED_LOGIN_WINDOW =
      Setting.of(
          AUTH,
          "failed_login_window",
          "How long a failed login or registration counts against its address and username.",
          ValueTypes.duration(false),
          fixed(Duration.ofMinutes(15)),
          c -> c.auth().failedLoginWindow());
  static final Setting<Duration> AUTH_FAILED_LOGIN_DELAY =
      Setting.of(
          AUTH,
          "failed_login_delay",
          "Delay before answering an attempt after one recent failure; it doubles with each"
              + " further failure, up to 5s.",
          ValueTypes.duration(true),
          fixed(Duration.ofMillis(250)),
          c -> c.auth().failedLoginDelay());
  static final Setting<Path> PATHS_DATA_DIR =
      Setting.of(
          PATHS,
          "data_dir",
          "Directory for the database and other data that must be kept.",
          ValueTypes.path(),
          derived(
              "$XDG_DATA_HOME/workspace-backend, or ~/.local/share/workspace-backend if"
                  + " XDG_DATA_HOME is unset; %LOCALAPPDATA%\\workspace-backend on Windows",
              "~/.local/share/workspace-backend", values -> values.dirs().dataDir()),
          c -> c.paths().dataDir());
  static final Setting<Path> AUTH_SECRET_FILE =
      Setting.of(
          AUTH,
          "secret_file",
          "File holding the key that signs login tokens.",
          ValueTypes.path(),
          derived(
              "<data_dir>/jwt-secret, so it follows data_dir",
              "~/.local/share/workspace-backend/jwt-secret",
              values -> values.get(PATHS_DATA_DIR).resolve("jwt-secret")),
          c -> c.auth().secretFile());

  static final Setting<RuntimeKind> CONTAINER_RUNTIME =
      Setting.of(
          CONTAINER,
          "runtime",
          "Container engine: \"docker\", \"podman\", or \"auto\" to use whichever is found.",
          ValueTypes.oneOf(RuntimeKind.class),
          fixed(RuntimeKind.AUTO),
          c -> c.container().runtime());
  static final Setting<Optional<String>> CONTAINER_BINARY =
      Setting.of(
          CONTAINER,
          "binary",
          "Engine CLI, e.g. \"podman\" or \"/usr/bin/docker\"; with runtime \"auto\" it picks the"
              + " engine; empty means not set.",
          ExecutableType.optional(),
          fixed(Optional.empty()),
          c -> c.container().binary());
  static final Setting<Optional<String>> CONTAINER_SOCKET =
      Setting.of(
          CONTAINER,
          "socket",
          "Engine API address, e.g. \"unix:///run/podman/podman.sock\" or \"tcp://host:2375\";"
              + " empty means discover it.",
          ValueTypes.optionalText(),
          fixed(Optional.empty()),
          c -> c.container().socket());
  static final Setting<String> CONTAINER_DEFAULT_IMAGE =
      Setting.of(
          CONTAINER,
          "default_image",
          "Image for new sessions that do not name one.",
          ValueTypes.text(),
          fixed("opencode-dev:latest"),
          c -> c.container().defaultImage());
  static final Setting<Integer> CONTAINER_BASE_PORT =
      Setting.of(
          CONTAINER,
          "base_port",
          "First host port given to session containers.",
          ValueTypes.integer(1024, 65533),
          fixed(41820),
          c -> c.container().basePort());
  static final Setting<DataSize> CONTAINER_MEMORY_LIMIT =
      Setting.of(
          CONTAINER,
          "memory_limit",
          "Memory limit of each session container.",
          ValueTypes.dataSize(),
          fixed(DataSize.ofGigabytes(2)),
          c -> c.container().memoryLimit());
  static final Setting<Double> CONTAINER_CPUS =
      Setting.of(
          CONTAINER,
          "cpus",
          "CPU limit of each session container, in cores (fractions allowed).",
          ValueTypes.positiveDecimal(),
          fixed(2.0),
          c -> c.container().cpus());
  static final Setting<Integer> CONTAINER_PIDS_LIMIT =
      Setting.of(
          CONTAINER,
          "pids_limit",
          "Most processes a session container may run at once.",
          ValueTypes.integer(16, Integer.MAX_VALUE),
          fixed(512),
          c -> c.container().pidsLimit());

  static final Setting<Integer> SESSIONS_MAX_PER_USER =
      Setting.of(
          SESSIONS,
          "max_per_user",
          "Most live sessions one user may have at once; an admin may set another number per"
              + " user.",
          ValueTypes.integer(1, Integer.MAX_VALUE),
          fixed(5),
          c -> c.sessions().maxPerUser());
  static final Setting<Optional<DataSize>> SESSIONS_MAX_MEMORY_PER_USER =
      Setting.of(
          SESSIONS,
          "max_memory_per_user",
          "Most memory one user's live sessions may have in total, each counting its"
              + " container.memory_limit; an admin may set another total per user. Empty means no"
              + " limit beyond max_per_user.",
          ValueTypes.optionalDataSize(),
          fixed(Optional.empty()),
          c -> c.sessions().maxMemoryPerUser());
  static final Setting<Optional<Double>> SESSIONS_MAX_CPUS_PER_USER =
      Setting.of(
          SESSIONS,
          "max_cpus_per_user",
          "Most CPUs one user's live sessions may have in total, each counting its"
              + " container.cpus; an admin may set another total per user. Empty means no limit"
              + " beyond max_per_user.",
          ValueTypes.optionalPositiveDecimal(),
          fixed(Optional.empty()),
          c -> c.sessions().maxCpusPerUser());
  static final Setting<Duration> SESSIONS_STARTUP_TIMEOUT =
      Setting.of(
          SESSIONS,
          "startup_timeout",
          "How long a new session may take to become ready before it fails.",
          ValueTypes.duration(false),
          fixed(Duration.ofSeconds(60)),
          c -> c.sessions().startupTimeout());
  static final Setting<Duration> SESSIONS_STOP_TIMEOUT =
      Setting.of(
          SESSIONS,
          "stop_timeout",
          "How long a stopping container may take to exit before it is killed.",
          ValueTypes.duration(true),
          fixed(Duration.ofSeconds(10)),
          c -> c.sessions().stopTimeout());
  static final Setting<Duration> SESSIONS_RESPONSE_TIMEOUT =
      Setting.of(
          SESSIONS,
          "response_timeout",
          "How long a proxied request waits for each part of a service's answer before it gives up"
              + " (504).",
          ValueTypes.duration(false),
          fixed(Duration.ofMinutes(10)),
          c -> c.sessions().responseTimeout());
  static final Setting<Duration> SESSIONS_STREAM_IDLE_TIMEOUT =
      Setting.of(
          SESSIONS,
          "stream_idle_timeout",
          "How long a proxied event stream may stay silent before it is closed; streams have no"
              + " total limit.",
          ValueTypes.duration(false),
          fixed(Duration.ofSeconds(90)),
          c -> c.sessions().streamIdleTimeout());
  static final Setting<Integer> SESSIONS_WARM_POOL =
      Setting.of(
          SESSIONS,
          "warm_pool",
          "How many containers of the default image wait, already started, to become new sessions"
              + " at once (0: none; each holds a container's memory and three ports).",
          ValueTypes.integer(0, 64),
          fixed(0),
          c -> c.sessions().warmPool());

  static final Setting<Duration> SESSIONS_IDLE_TIMEOUT =
      Setting.of(
          SESSIONS,
          "idle_timeout",
          "How long a running session may do no work (requests, terminal, its agent busy) before it"
              + " is stopped, its workspace kept; 0 never stops one.",
          ValueTypes.duration(true),
          fixed(Duration.ZERO),
          c -> c.sessions().idleTimeout());

  static final Setting<Path> PATHS_STATE_DIR =
      Setting.of(
          PATHS,
          "state_dir",
          "Directory for state that survives restarts but may be lost, such as runtime files.",
          ValueTypes.path(),
          derived(
              "$XDG_STATE_HOME/workspace-backend, or ~/.local/state/workspace-backend if"
                  + " XDG_STATE_HOME is unset; %LOCALAPPDATA%\\workspace-backend\\state on Windows",
              "~/.local/state/workspace-backend", values -> values.dirs().stateDir()),
          c -> c.paths().stateDir());
  static final Setting<Path> PATHS_WORKSPACE_ROOT =
      Setting.of(
          PATHS,
          "workspace_root",
          "Directory holding the users' workspace files.",
          ValueTypes.path(),
          derived(
              "<data_dir>/workspaces, so it follows data_dir",
              "~/.local/share/workspace-backend/workspaces",
              values -> values.get(PATHS_DATA_DIR).resolve("workspaces")),
          c -> c.paths().workspaceRoot());

  static final Setting<LogLevel> LOGGING_LEVEL =
      Setting.of(
          LOGGING,
          "level",
          "Least severe level logged: \"error\", \"warn\", \"info\", \"debug\" or \"trace\".",
          ValueTypes.oneOf(LogLevel.class),
          fixed(LogLevel.INFO),
          c -> c.logging().level());
  static final Setting<Optional<Path>> LOGGING_FILE =
      Setting.of(
          LOGGING,
          "file",
          "File the log is appended to; empty logs to the console only.",
          ValueTypes.optionalPath(),
          fixed(Optional.empty()),
          c -> c.logging().file());

  /** All settings, in the order of the file: by section, then as listed within it. */
  static final List<Setting<?>> ALL =
      List.of(
          SERVER_HOST,
          SERVER_PORT,
          SERVER_ALLOWED_ORIGINS,
          SERVER_SESSION_DOMAIN,
          SERVER_MAX_BODY_SIZE,
          AUTH_TOKEN_TTL,
          AUTH_SECRET_FILE,
          AUTH_MAX_FAILED_LOGINS,
          AUTH_FAILED_LOGIN_WINDOW,
          AUTH_FAILED_LOGIN_DELAY,
          CONTAINER_RUNTIME,
          CONTAINER_BINARY,
          CONTAINER_SOCKET,
          CONTAINER_DEFAULT_IMAGE,
          CONTAINER_BASE_PORT,
          CONTAINER_MEMORY_LIMIT,
          CONTAINER_CPUS,
          CONTAINER_PIDS_LIMIT,
          SESSIONS_MAX_PER_USER,
          SESSIONS_MAX_MEMORY_PER_USER,
          SESSIONS_MAX_CPUS_PER_USER,
          SESSIONS_STARTUP_TIMEOUT,
          SESSIONS_STOP_TIMEOUT,
          SESSIONS_RESPONSE_TIMEOUT,
          SESSIONS_STREAM_IDLE_TIMEOUT,
          SESSIONS_IDLE_TIMEOUT,
          SESSIONS_WARM_POOL,
          PATHS_DATA_DIR,
          PATHS_STATE_DIR,
          PATHS_WORKSPACE_ROOT,
          LOGGING_LEVEL,
          LOGGING_FILE);

  static List<Setting<?>> in(Section section) {
    return ALL.stream().filter(s -> s.section() == section).toList();
  }

  /** Builds the record tree from resolved values; the one place that knows its constructors. */
  static WorkspaceConfig assemble(SettingValues v) {
    return new WorkspaceConfig(
        new WorkspaceConfig.Server(
            v.get(SERVER_HOST),
            v.get(SERVER_PORT),
            v.get(SERVER_ALLOWED_ORIGINS),
            v.get(SERVER_SESSION_DOMAIN),
            v.get(SERVER_MAX_BODY_SIZE)),
        new WorkspaceConfig.Auth(
            v.get(AUTH_TOKEN_TTL),
            v.get(AUTH_SECRET_FILE),
            v.get(AUTH_MAX_FAILED_LOGINS),
            v.get(AUTH_FAILED_LOGIN_WINDOW),
            v.get(AUTH_FAILED_LOGIN_DELAY)),
        new WorkspaceConfig.Container(
            v.get(CONTAINER_RUNTIME),
            v.get(CONTAINER_BINARY),
            v.get(CONTAINER_SOCKET),
            v.get(CONTAINER_DEFAULT_IMAGE),
            v.get(CONTAINER_BASE_PORT),
            v.get(CONTAINER_MEMORY_LIMIT),
            v.get(CONTAINER_CPUS),
            v.get(CONTAINER_PIDS_LIMIT)),
        new WorkspaceConfig.Sessions(
            v.get(SESSIONS_MAX_PER_USER),
            v.get(SESSIONS_MAX_MEMORY_PER_USER),
            v.get(SESSIONS_MAX_CPUS_PER_USER),
            v.get(SESSIONS_STARTUP_TIMEOUT),
            v.get(SESSIONS_STOP_TIMEOUT),
            v.get(SESSIONS_RESPONSE_TIMEOUT),
            v.get(SESSIONS_STREAM_IDLE_TIMEOUT),
            v.get(SESSIONS_IDLE_TIMEOUT),
            v.get(SESSIONS_WARM_POOL)),
        new WorkspaceConfig.Paths(
            v.get(PATHS_DATA_DIR), v.get(PATHS_STATE_DIR), v.get(PATHS_WORKSPACE_ROOT)),
        new WorkspaceConfig.Logging(v.get(LOGGING_LEVEL), v.get(LOGGING_FILE)));
  }
}
