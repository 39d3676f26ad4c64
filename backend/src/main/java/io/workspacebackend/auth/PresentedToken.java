package io.workspacebackend.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A token as a request presented it, before it is checked. */
final class PresentedToken extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final String token;

  PresentedToken(String token) {
    super(List.of());
    this.token = token;
  }

  @Override
  public Object getCredentials() {
    return token;
  }

  @Override
  public Object getPrincipal() {
    return "token";
  }
}
