package app.roster.oidc;

import app.roster.shared.BaseUrl;
import app.roster.user.ReturnAfterLogin;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The OpenID Connect provider's chain, ahead of every other: Spring Authorization Server's protocol endpoints
 * (discovery, authorization, token, JWK Set, revocation, introspection, userinfo, logout), nothing else. The
 * authorization endpoint reads the Client Area's session: a visitor who is not signed in goes to the Client
 * Area's login and comes back. Only the authorization code (with PKCE) and client credentials grants and refresh
 * tokens are offered: no implicit flow, no password grant (Spring Authorization Server implements neither).
 * Tokens are stored hashed ({@link HashedAuthorizations}), client secrets too ({@link ClientSecrets}), and the
 * issuer is the configured base URL, never the request's Host.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, OAuth2AuthorizationConsentService consents,
            Clock clock, LiveUserInfo userInfo, LiveGrants liveGrants,
            SessionRegistry sessions, ReturnAfterLogin returnAfterLogin, AuthorizationServerSettings serverSettings,
            @Qualifier("clientLogout") LogoutHandler clientLogout) throws Exception {
        // Not a bean: it would compete with the users' password encoder.
        ClientSecrets secrets = new ClientSecrets(clock);
        IssuerInResponse responses = new IssuerInResponse(serverSettings.getIssuer());
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationConsentService(consents)
                    .clientAuthentication(authentication -> authentication.authenticationProviders(providers ->
                            providers.forEach(provider -> {
                                if (provider instanceof ClientSecretAuthenticationProvider secret) {
                                    secret.setPasswordEncoder(secrets);
                                }
                            })))
                    .authorizationEndpoint(endpoint -> endpoint
                            .authorizationRequestConverters(converters -> converters.replaceAll(PlainPrincipal::new))
                            .authorizationResponseHandler(responses)
                            .errorResponseHandler(responses)
                            .consentPage(AccountChoice.CONSENT_PAGE))
                    .tokenIntrospectionEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                            providers.replaceAll(provider -> live(provider, liveGrants))))
                    .oidc(oidc -> oidc.userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                            .logoutEndpoint(endpoint -> endpoint.logoutResponseHandler(rpLogout(clientLogout)))
                            .providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(
                                    configuration -> configuration
                                            .claim("authorization_response_iss_parameter_supported", true)
                                            .claim("backchannel_logout_supported", true)
                                            .claim("backchannel_logout_session_supported", true)
                                            .claim("claims_supported", List.of("sub", "email", "email_verified",
                                                    "name", "given_name", "family_name", "locale", "account",
                                                    "accounts", "auth_time", "amr", "acr")))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginAndReturn(returnAfterLogin), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .addFilterBefore(new AccountChoice(liveGrants), AbstractPreAuthenticatedProcessingFilter.class);
        return http.build();
    }

    /**
     * RP-initiated logout ends the Roster session as the Client Area's logout does, so the other applications
     * signed in through it hear of it too (back-channel), before the session goes.
     */
    private static OidcLogoutAuthenticationSuccessHandler rpLogout(LogoutHandler clientLogout) {
        SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();
        OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
        handler.setLogoutHandler((request, response, authentication) -> {
            if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
                Authentication user = (Authentication) logout.getPrincipal();
                clientLogout.logout(request, response, user);
                endSession.logout(request, response, user);
            }
        });
        return handler;
    }

    private static AuthenticationProvider live(AuthenticationProvider provider, LiveGrants liveGrants) {
        return provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                ? new LiveIntrospection(provider, liveGrants) : provider;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(BaseUrl baseUrl) {
        String issuer = baseUrl.value().toString();
        return AuthorizationServerSettings.builder()
                .issuer(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                .build();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, JdbcClient client,
            RegisteredClientRepository clients, Clock clock) {
        return new HashedAuthorizations(new JdbcOAuth2AuthorizationService(jdbc, clients), client, clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** The newest key signs; {@link SigningKeys} publishes the older ones beside it until their tokens expire. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::signer);
        return encoder;
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    /** Sessions as Spring Session keeps them (indexed by user id), for the ID token's {@code sid} and logout. */
    @Bean
    <S extends Session> SessionRegistry oidcSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    static List<String> scopes() {
        return List.of("openid", "profile", "email", "account", "accounts");
    }
}
