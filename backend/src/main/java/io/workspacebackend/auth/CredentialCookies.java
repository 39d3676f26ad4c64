package io.workspacebackend.auth;

/**
 * The names of the two cookies a browser holds for this server. Each grants something different, so
 * neither is ever accepted where the other belongs, and neither is ever forwarded into a container.
 */
public final class CredentialCookies {
  /** The API's cookie: a login token, host-only on the API's origin, SameSite=Strict. */
  public static final String API = "workspace_token";

  /** A session origin's cookie: grants one session on that origin only, SameSite=Lax. */
  public static final String SESSION = "workspace_session";

  private CredentialCookies() {}
}
