package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientIpFilterTest {

    private ClientIpFilter filter(String... proxies) {
        return new ClientIpFilter(new WebSettings(URI.create("http://localhost"), "Roster", null, List.of(proxies),
                new WebSettings.Session(java.time.Duration.ofHours(12), java.time.Duration.ofSeconds(60)), false));
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(filter().resolve(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void believesForwardedForFromATrustedProxyTakingTheRightmostUntrustedHop() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.2");
        request.addHeader("X-Forwarded-For", "1.2.3.4, 198.51.100.1, 10.0.0.3");
        assertThat(filter("10.0.0.2", "10.0.0.3").resolve(request)).isEqualTo("198.51.100.1");
    }
}
