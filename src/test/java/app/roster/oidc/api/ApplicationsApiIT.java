package app.roster.oidc.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registering an application through the API: a platform key with {@code applications:write} gets the client id
 * and the secret once, and the client works at the token endpoint; every other caller and every bad field is refused.
 */
@IntegrationTest
class ApplicationsApiIT {

    static final String MACHINE = """
            {"name": "Provisioning", "confidential": true, "firstParty": true, "scopes": [],
             "clientCredentials": true}""";

    @LocalServerPort
    int port;
    @Autowired
    TestCredentials credentials;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aPlatformKeyRegistersAnApplicationThatGetsTokens() throws Exception {
        var created = api.post("/api/v1/applications", credentials.keySecret("applications:write"), MACHINE);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clientId = created.json().get("clientId").asString();
        String secret = created.json().get("clientSecret").asString();
        assertThat(clientId).startsWith("roster_ci_");
        assertThat(secret).startsWith("roster_cs_");
        assertThat(created.json().get("grantTypes").toString()).contains("client_credentials");
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE action = 'oidc.client_registered' AND details LIKE ?")
                .param("%" + clientId + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyWithoutTheScopeAndAPersonalTokenAreRefused() {
        assertThat(api.post("/api/v1/applications", credentials.keySecret("accounts:write"), MACHINE).status())
                .isEqualTo(403);
        Person ana = registrations.registerVerified("Ana");
        String token = credentials.tokenSecret(ana.id(), registrations.accountOf(ana), "users");
        assertThat(api.post("/api/v1/applications", token, MACHINE).status()).isEqualTo(403);
    }

    @Test
    void badFieldsAreProblems() {
        String key = credentials.keySecret("applications:write");

        var plainHttp = api.post("/api/v1/applications", key, """
                {"name": "Panel", "confidential": false, "firstParty": true, "scopes": ["openid"],
                 "redirectUris": ["http://panel.example.com/callback"]}""");
        assertThat(plainHttp.status()).isEqualTo(422);
        assertThat(plainHttp.body()).contains("redirectUris");
        var publicMachine = api.post("/api/v1/applications", key, """
                {"name": "Panel", "confidential": false, "firstParty": true, "scopes": [], "clientCredentials": true}""");
        assertThat(publicMachine.status()).isEqualTo(422);
        var unknownScope = api.post("/api/v1/applications", key, """
                {"name": "Panel", "confidential": true, "firstParty": true, "scopes": ["openid", "admin"],
                 "redirectUris": ["https://panel.example.com/callback"]}""");
        assertThat(unknownScope.status()).isEqualTo(422);
        var unknownField = api.post("/api/v1/applications", key, """
                {"name": "Panel", "confidential": true, "clientSecret": "mine"}""");
        assertThat(unknownField.status()).isEqualTo(400);
    }
}
