package io.workspacebackend.cli;

import io.workspacebackend.testing.TestHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
final class CapturingCommandLine {
  private final TestHome home;

  CapturingCommandLine(TestHome home) {
    this.home = home;
  }

  Result run(String... args) {
    CommandLine commandLine = WorkspaceBackendCommand.commandLine(home.loader());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  record Result(int exitCode, String out, String err) {}
}
