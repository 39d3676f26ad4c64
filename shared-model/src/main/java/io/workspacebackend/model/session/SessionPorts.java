package io.workspacebackend.model.session;

/** A session's host ports, each bound to 127.0.0.1. */
public record SessionPorts(int opencode, int fileserver, int ttyd) {}
