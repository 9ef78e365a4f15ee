package app.roster.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.user.web.DeviceNames.Device;
import org.junit.jupiter.api.Test;

class DeviceNamesTest {

    private final DeviceNames names = new DeviceNames();

    @Test
    void desktopBrowsersAreNamedWithTheirSystem() {
        assertThat(names.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo(new Device("Chrome", "Linux"));
        assertThat(names.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo(new Device("Firefox", "Windows"));
        assertThat(names.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/18.1 Safari/605.1.15")).isEqualTo(new Device("Safari", "Mac OS X"));
    }

    @Test
    void phonesAreNamedByBrowserAndPhone() {
        assertThat(names.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo(new Device("Safari", "iPhone"));
        assertThat(names.of("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo(new Device("Chrome", "Android"));
    }

    @Test
    void toolsAndStrangersGetWhatIsKnownAndNothingMadeUp() {
        assertThat(names.of("curl/8.5.0")).isEqualTo(new Device("curl", null));
        assertThat(names.of("something nobody knows")).isEqualTo(new Device(null, null));
        assertThat(names.of("")).isEqualTo(new Device(null, null));
        assertThat(names.of(null)).isEqualTo(new Device(null, null));
    }

    @Test
    void theCacheKeepsEachStringOnceAndStaysBounded() {
        names.of("curl/8.5.0");
        names.of("curl/8.5.0");
        assertThat(names.cached()).isEqualTo(1);
        for (int i = 0; i < DeviceNames.CACHE_SIZE + 50; i++) {
            names.of("curl/8." + i);
        }
        assertThat(names.cached()).isEqualTo(DeviceNames.CACHE_SIZE);
    }
}
