package io.workspacebackend.auth;

import io.workspacebackend.api.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/** Stateless security: open health and API description, everything else needs a signed-in user. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problems) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/api/health", "/api/openapi.json")
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (exchange, e) -> {
                          exchange
                              .getResponse()
                              .getHeaders()
                              .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                          return problems.write(
                              exchange.getResponse(),
                              ProblemDetail.forStatusAndDetail(
                                  HttpStatus.UNAUTHORIZED,
                                  "sign in first: a valid token is required"));
                        })
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(
                                exchange.getResponse(),
                                ProblemDetail.forStatusAndDetail(
                                    HttpStatus.FORBIDDEN, "this needs the admin role"))))
        .build();
  }
}
