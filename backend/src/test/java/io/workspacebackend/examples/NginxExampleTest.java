package io.workspacebackend.examples;

import io.workspacebackend.testing.RunningBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code examples/nginx-tls.conf}, run by the real nginx in front of a real backend. */
@Timeout(300)
class NginxExampleTest extends ReverseProxyContract {
  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("server.session_domain", SESSION_DOMAIN)
          .with("sessions.startup_timeout", "180s");

  @Override
  RunningBackend backend() {
    return backend;
  }

  @Override
  ReverseProxy start(Path directory, Path live, int backendPort, int httpPort, int httpsPort)
      throws Exception {
    Path example =
        ExampleFile.read("nginx-tls.conf")
            .replaceLines("^(\\s*)listen 80;$", "$1listen 127.0.0.1:" + httpPort + ";")
            .replaceLines("^(\\s*)listen 443 ssl;$", "$1listen 127.0.0.1:" + httpsPort + " ssl;")
            .replaceLines("^\\s*listen \\[::\\]:.*\\n", "")
            .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + backendPort)
            .replace("/etc/letsencrypt/live/", live + "/")
            .writeTo(directory.resolve("nginx-tls.conf"));
    // The example is what goes into /etc/nginx/conf.d/; this is the rest of a machine's nginx.conf.
    Path main =
        Files.writeString(
            directory.resolve("nginx.conf"),
            String.join(
                "\n",
                "user root;", // its workers reach into the test's private temporary directory
                "worker_processes 1;",
                "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + " info;",
                "events {}",
                "http {",
                "  access_log " + directory.resolve("access.log") + ";",
                "  include " + example + ";",
                "}",
                ""));
    return ReverseProxy.start(
        List.of(
            "nginx",
            "-p",
            directory + "/",
            "-e",
            directory.resolve("error.log").toString(),
            "-c",
            main.toString(),
            "-g",
            "daemon off;"),
        Map.of(),
        directory.resolve("nginx.out"),
        httpPort,
        httpsPort);
  }
}
