package app.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.oidc.RegisterClient.Registered;
import app.roster.support.IntegrationTest;
import app.roster.support.WithSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Once the grace period of a rotated secret has passed (here it is none), only the new secret works. */
@IntegrationTest
@WithSettings("roster.oidc.secret-grace=0s")
class ClientSecretGraceIT {

    @LocalServerPort
    int port;
    @Autowired
    RegisterClient register;
    @Autowired
    RotateClientSecret rotateClientSecret;

    @Test
    void afterTheGracePeriodOnlyTheNewSecretWorks() {
        Registered billing = RelyingParty.confidential(register, "openid");
        RelyingParty party = new RelyingParty(port, billing);

        String secret = rotateClientSecret.rotate(RelyingParty.ADMINISTRATOR, billing.client().id()).secret();

        assertThat(party.clientCredentials(secret)).isEqualTo(200);
        assertThat(party.clientCredentials(billing.secret())).isEqualTo(401);
    }
}
