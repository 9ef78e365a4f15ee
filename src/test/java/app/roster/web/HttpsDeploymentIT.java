package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Behind a TLS-terminating proxy the public URL says https even though the request arrives as http. */
@IntegrationTest
@TestPropertySource(properties = "roster.base-url=https://clients.example.com")
class HttpsDeploymentIT {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesHsts() {
        assertThat(new Visitor(port).headers("/login").firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
    }
}
