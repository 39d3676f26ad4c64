package io.workspacebackend.examples;

import io.workspacebackend.testing.RunningBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code examples/Caddyfile}, run by the real Caddy in front of a real backend. */
@Timeout(300)
class CaddyExampleTest extends ReverseProxyContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("server.session_domain", SESSION_DOMAIN)
          .with("sessions.startup_timeout", "180s");

  @Override
  RunningBackend backend() {
    return backend;
  }

  /**
   * The global options block is the machine's: here it holds the test's ports and, instead of Let's
   * Encrypt, Caddy's own local CA for the API's certificate (the session domain's is the file the
   * example names).
   */
  @Override
  ReverseProxy start(Path directory, Path live, int backendPort, int httpPort, int httpsPort)
      throws Exception {
    Path caddyfile =
        ExampleFile.read("Caddyfile")
            .replace(
                "\temail admin@example.com\n",
                String.join(
                    "\n\t",
                    "\tadmin off",
                    "http_port " + httpPort,
                    "https_port " + httpsPort,
                    "default_bind 127.0.0.1",
                    "local_certs",
                    "skip_install_trust",
                    ""))
            .replace("127.0.0.1:8080", "127.0.0.1:" + backendPort)
            .replace("/etc/letsencrypt/live/", live + "/")
            .writeTo(directory.resolve("Caddyfile"));
    return ReverseProxy.start(
        List.of("caddy", "run", "--adapter", "caddyfile", "--config", caddyfile.toString()),
        // Caddy keeps its certificates and state under these; the test's, not the machine's.
        Map.of(
            "HOME", directory.toString(),
            "XDG_DATA_HOME", directory.resolve("data").toString(),
            "XDG_CONFIG_HOME", directory.resolve("config").toString()),
        directory.resolve("caddy.log"),
        httpPort,
        httpsPort);
  }

  /** The root of Caddy's local CA, which signed the API's certificate. */
  @Override
  List<X509Certificate> certificatesOf(ReverseProxy proxy, Path directory) throws Exception {
    Path root = directory.resolve("data/caddy/pki/authorities/local/root.crt");
    Awaitility.await("Caddy's local CA")
        .atMost(Duration.ofSeconds(60))
        .failFast(proxy::assertRunning)
        .until(() -> Files.isRegularFile(root) && Files.size(root) > 0);
    return List.of(SelfSignedCertificate.read(root));
  }
}
