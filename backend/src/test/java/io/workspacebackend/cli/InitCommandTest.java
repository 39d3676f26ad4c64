package io.workspacebackend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path temp;

  @Test
  void initCreatesConfigDirectoriesAndAPrivate256BitSecret() throws Exception {
    TestHome home = TestHome.in(temp);

    CapturingCommandLine.Result result = new CapturingCommandLine(home).run("init");

    assertThat(result.exitCode()).isZero();
    assertThat(home.configFile()).isRegularFile();
    assertThat(Files.readString(home.configFile())).contains("[server]").contains("port = 8080");
    assertThat(home.dataDir()).isDirectory();
    assertThat(home.stateDir()).isDirectory();
    assertThat(home.dataDir().resolve("workspaces")).isDirectory();
    Path secret = home.dataDir().resolve("jwt-secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(secret).strip())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dataDir())))
        .isEqualTo("rwx------");
    assertThat(result.out()).contains("created " + home.configFile()).contains("created " + secret);
  }

  @Test
  void runningInitTwiceChangesNothing() throws Exception {
    TestHome home = TestHome.in(temp);
    CapturingCommandLine cli = new CapturingCommandLine(home);
    cli.run("init");
    Path secret = home.dataDir().resolve("jwt-secret");
    String secretBefore = Files.readString(secret);
    Files.writeString(home.configFile(), "[server]\nport = 9191\n");
    FileTime configTime = Files.getLastModifiedTime(home.configFile());

    CapturingCommandLine.Result second = cli.run("init");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("already initialized");
    assertThat(Files.readString(secret)).isEqualTo(secretBefore);
    assertThat(Files.readString(home.configFile())).isEqualTo("[server]\nport = 9191\n");
    assertThat(Files.getLastModifiedTime(home.configFile())).isEqualTo(configTime);
  }

  @Test
  void initWithAnExplicitConfigFileWritesThatFile() {
    TestHome home = TestHome.in(temp);
    Path custom = temp.resolve("etc/custom.toml");

    CapturingCommandLine.Result result =
        new CapturingCommandLine(home).run("init", "--config", custom.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(custom).isRegularFile();
    assertThat(home.configFile()).doesNotExist();
  }
}
