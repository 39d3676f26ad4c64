package io.workspacebackend.auth;

import io.workspacebackend.api.RequestViolations;
import io.workspacebackend.db.Database;
import io.workspacebackend.model.auth.LoginRequest;
import io.workspacebackend.model.auth.RegisterRequest;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.User;
import io.workspacebackend.user.Quotas;
import io.workspacebackend.user.UserAccount;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/auth}: register with an invite code, log in, log out, and who am I. */
@RestController
class AuthController {
  private final AccountRegistration registration;
  private final PasswordSignIn signIn;
  private final JwtTokens tokens;
  private final RevokedTokens revokedTokens;
  private final Database database;
  private final LiveConnections connections;
  private final Quotas quotas;

  AuthController(
      AccountRegistration registration,
      PasswordSignIn signIn,
      JwtTokens tokens,
      RevokedTokens revokedTokens,
      Database database,
      LiveConnections connections,
      Quotas quotas) {
    this.registration = registration;
    this.signIn = signIn;
    this.tokens = tokens;
    this.revokedTokens = revokedTokens;
    this.database = database;
    this.connections = connections;
    this.quotas = quotas;
  }

  @PostMapping("/api/auth/register")
  Mono<ResponseEntity<SignedIn>> register(
      @RequestBody RegisterRequest body, ServerHttpRequest request) {
    RequestViolations violations = new RequestViolations();
    CredentialRules.checkPresent(body.inviteCode(), "invite_code", violations);
    CredentialRules.checkUsername(body.username(), violations);
    CredentialRules.checkPassword(body.password(), violations);
    return violations.ifValid(
        () ->
            registration
                .register(body.inviteCode(), body.username(), body.password(), address(request))
                .map(account -> signedIn(account, HttpStatus.CREATED, request)));
  }

  @PostMapping("/api/auth/login")
  Mono<ResponseEntity<SignedIn>> login(@RequestBody LoginRequest body, ServerHttpRequest request) {
    RequestViolations violations = new RequestViolations();
    CredentialRules.checkPresent(body.username(), "username", violations);
    if (body.password() == null || body.password().isEmpty()) {
      violations.add("password", "is required");
    }
    return violations.ifValid(
        () ->
            signIn
                .signIn(body.username(), body.password(), address(request))
                .map(account -> signedIn(account, HttpStatus.OK, request)));
  }

  @PostMapping("/api/auth/logout")
  Mono<ResponseEntity<Void>> logout(
      @AuthenticationPrincipal SignedInUser user, ServerHttpRequest request) {
    return database
        .run(() -> revokedTokens.revoke(user.tokenId(), user.tokenExpiresAt()))
        .then(Mono.fromRunnable(() -> connections.signedOut(user.tokenId())))
        .thenReturn(
            ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, AuthCookie.cleared(request).toString())
                .build());
  }

  @GetMapping("/api/auth/me")
  User me(@AuthenticationPrincipal SignedInUser user) {
    return user.account().toApi(quotas.defaults());
  }

  private ResponseEntity<SignedIn> signedIn(
      UserAccount account, HttpStatus status, ServerHttpRequest request) {
    IssuedToken issued = tokens.issue(account);
    return ResponseEntity.status(status)
        .header(
            HttpHeaders.SET_COOKIE,
            AuthCookie.issued(issued.token(), tokens.ttl(), request).toString())
        .body(new SignedIn(account.toApi(quotas.defaults()), issued.token(), issued.expiresAt()));
  }

  /** The peer's IP address; forwarding headers are not trusted, as anyone can send them. */
  private static String address(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
