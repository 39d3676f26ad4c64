package io.workspacebackend.model.session;

import java.util.Map;

/** {@code POST /api/sessions}: every field is optional. */
public record CreateSessionRequest(
    String name, String image, String workspace, Map<String, String> env) {}
