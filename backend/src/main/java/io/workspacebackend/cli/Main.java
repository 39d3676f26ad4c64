package io.workspacebackend.cli;

/** Entry point of the workspace-backend command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("workspace-backend");
  }
}
