package io.workspacebackend.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Every kind of token that must not get in: 401 with {@code WWW-Authenticate: Bearer}. */
class BadTokenTest {
  @RegisterExtension static RunningBackend backend = new RunningBackend();

  private final Accounts accounts = new Accounts(backend);

  @Test
  void noTokenIsRefused() {
    assertRefused(null);
  }

  @Test
  void garbageIsRefused() {
    assertRefused("not-a-jwt");
    assertRefused("a.b.c");
  }

  @Test
  void anotherAuthorizationSchemeIsRefused() {
    backend
        .client()
        .get()
        .uri("/api/auth/me")
        .header(HttpHeaders.AUTHORIZATION, "Basic YWxpY2U6c2VjcmV0")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() {
    SignedIn user = accounts.register(Role.USER);
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        base64Url(
            "{\"sub\":\""
                + user.user().id()
                + "\",\"role\":\"admin\",\"jti\":\""
                + UUID.randomUUID()
                + "\",\"iat\":"
                + Instant.now().getEpochSecond()
                + ",\"exp\":"
                + Instant.now().plusSeconds(3600).getEpochSecond()
                + "}");

    assertRefused(header + "." + payload + ".");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    SignedIn user = accounts.register(Role.USER);
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);

    assertRefused(
        token(Keys.hmacShaKeyFor(otherKey), user.user().id(), Instant.now(), Duration.ofHours(1))
            .compact());
  }

  @Test
  void aPayloadEditedAfterSigningIsRefused() {
    SignedIn user = accounts.register(Role.USER);
    String[] parts = user.token().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"role\":\"user\"", "\"role\":\"admin\"");

    assertRefused(parts[0] + "." + base64Url(payload) + "." + parts[2]);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    assertRefused(
        token(
                serverKey(),
                user.user().id(),
                Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1))
            .compact());
  }

  @Test
  void aTokenNotValidBeforeALaterTimeIsRefused() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    assertRefused(
        token(serverKey(), user.user().id(), Instant.now(), Duration.ofHours(1))
            .notBefore(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
            .compact());
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    assertRefused(
        token(
                serverKey(),
                user.user().id(),
                Instant.now().plus(Duration.ofMinutes(10)),
                Duration.ofHours(1))
            .compact());
  }

  @Test
  void aTokenWithoutExpiryIsRefused() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    assertRefused(
        Jwts.builder()
            .subject(user.user().id().toString())
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(Instant.now()))
            .signWith(serverKey(), Jwts.SIG.HS256)
            .compact());
  }

  @Test
  void aTokenForAnAudienceIsRefusedEvenSignedWithTheServersKey() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    assertRefused(
        token(serverKey(), user.user().id(), Instant.now(), Duration.ofHours(1))
            .audience()
            .add("workspace-session-origin")
            .and()
            .compact());
  }

  @Test
  void aTokenSignedWithAKeyDerivedForAnotherPurposeIsRefused() throws Exception {
    SignedIn user = accounts.register(Role.USER);
    SecretKey sessionCookieKey = new SigningKeys(backend.config()).derived("session-origin-cookie");

    assertRefused(
        token(sessionCookieKey, user.user().id(), Instant.now(), Duration.ofHours(1)).compact());
  }

  @Test
  void aValidlySignedTokenOfAnUnknownUserIsRefused() throws Exception {
    assertRefused(
        token(serverKey(), UUID.randomUUID(), Instant.now(), Duration.ofHours(1)).compact());
  }

  @Test
  void aDisabledUsersTokenIsRefusedAtOnce() {
    SignedIn admin = accounts.register(Role.ADMIN);
    SignedIn user = accounts.register(Role.USER);
    accounts.as(user.token()).get().uri("/api/auth/me").exchange().expectStatus().isOk();

    accounts
        .as(admin.token())
        .patch()
        .uri("/api/users/{id}", user.user().id())
        .bodyValue(Map.of("disabled", true))
        .exchange()
        .expectStatus()
        .isOk();

    assertRefused(user.token());
  }

  @Test
  void aForgedTokenWithOurKeyWorksWhichProvesTheOtherCasesFailForTheirFlaw() throws Exception {
    SignedIn user = accounts.register(Role.USER);

    accounts
        .as(token(serverKey(), user.user().id(), Instant.now(), Duration.ofHours(1)).compact())
        .get()
        .uri("/api/auth/me")
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static io.jsonwebtoken.JwtBuilder token(
      SecretKey key, UUID userId, Instant issuedAt, Duration ttl) {
    return Jwts.builder()
        .subject(userId.toString())
        .claim("role", "user")
        .id(UUID.randomUUID().toString())
        .issuedAt(Date.from(issuedAt))
        .expiration(Date.from(issuedAt.plus(ttl)))
        .signWith(key, Jwts.SIG.HS256);
  }

  private static SecretKey serverKey() throws Exception {
    return Keys.hmacShaKeyFor(JwtSecretFile.read(backend.config().auth().secretFile()));
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A query token counts only where a browser cannot set a header (the terminal's page and its
   * WebSocket handshake): upgrade headers added to any other request do not make it count.
   */
  @Test
  void aQueryTokenWithUpgradeHeadersOpensNoOtherRoute() {
    SignedIn admin = accounts.register(Role.ADMIN);

    backend
        .client()
        .post()
        .uri("/api/invite-codes?token=" + admin.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .header(HttpHeaders.CONNECTION, "Upgrade")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"role\":\"admin\"}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    backend
        .client()
        .get()
        .uri("/api/users?token=" + admin.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .header(HttpHeaders.CONNECTION, "Upgrade")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    backend
        .client()
        .put()
        .uri("/sessions/" + UUID.randomUUID() + "/files/file?path=x&token=" + admin.token())
        .header(HttpHeaders.UPGRADE, "websocket")
        .header(HttpHeaders.CONNECTION, "Upgrade")
        .bodyValue("x")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private static void assertRefused(String token) {
    var request = backend.client().get().uri("/api/auth/me");
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    request
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
    if (token != null) {
      // The cookie is checked just as strictly as the header.
      backend
          .client()
          .get()
          .uri("/api/auth/me")
          .cookie("workspace_token", token)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }
}
