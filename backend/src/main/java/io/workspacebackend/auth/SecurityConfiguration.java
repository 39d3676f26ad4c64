package io.workspacebackend.auth;

import io.workspacebackend.api.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Stateless security: every request is authenticated by its token alone. Health, the API
 * description, login and registration are open; user and invite administration need the admin role;
 * everything else needs a signed-in user. A state-changing request that signs in with the cookie
 * must also come from a trusted origin. Session origins never reach this chain: their own filter
 * answers them first.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {
  /** Open routes. A stale cookie sent to them is ignored, so it can never block a new login. */
  private static final String[] OPEN = {
    "/api/health", "/api/openapi.json", "/api/auth/login", "/api/auth/register"
  };

  private static final String[] ADMIN_ONLY = {
    "/api/users", "/api/users/**", "/api/invite-codes", "/api/invite-codes/**"
  };

  /**
   * Spring Security's strict firewall (paths holding {@code ..}, {@code //}, {@code ;}, encoded
   * separators…), as a bean so that the proxy's path routes, answered ahead of the chain, apply the
   * very same one.
   */
  @Bean
  ServerWebExchangeFirewall serverWebExchangeFirewall() {
    return new StrictServerWebExchangeFirewall();
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      ProblemWriter problems,
      TokenAuthenticationManager tokens,
      TrustedOrigins origins) {
    ServerWebExchangeMatcher notOpen =
        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(OPEN));
    AuthenticationWebFilter tokenFilter = new AuthenticationWebFilter(tokens);
    tokenFilter.setServerAuthenticationConverter(new TokenAuthenticationConverter());
    tokenFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    tokenFilter.setRequiresAuthenticationMatcher(notOpen);
    tokenFilter.setAuthenticationFailureHandler(
        (filterExchange, e) ->
            unauthorized(
                filterExchange.getExchange().getResponse(),
                problems,
                NotSignedInException.INVALID));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .addFilterBefore(
            new CookieRequestOrigins(origins, notOpen), SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAt(tokenFilter, SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(OPEN)
                    .permitAll()
                    .pathMatchers(ADMIN_ONLY)
                    .hasRole("ADMIN")
                    .anyExchange()
                    .authenticated())
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (exchange, e) ->
                            unauthorized(
                                exchange.getResponse(), problems, NotSignedInException.MISSING))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(
                                exchange.getResponse(),
                                ProblemDetail.forStatusAndDetail(
                                    HttpStatus.FORBIDDEN, "this needs the admin role"))))
        .build();
  }

  private static Mono<Void> unauthorized(
      ServerHttpResponse response, ProblemWriter problems, String detail) {
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(
        response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
  }
}
