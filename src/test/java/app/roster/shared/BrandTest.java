package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BrandTest {

    @Test
    void nothingSetIsRostersOwnLook() {
        assertThat(Brand.of(null, "", " ", null, "")).isEqualTo(Brand.ROSTER);
    }

    @Test
    void aShortColourIsWrittenOutInLowerCaseAndDarkened() {
        Brand brand = Brand.of(null, "#0A6", null, null, null);
        assertThat(brand.primaryColor()).isEqualTo("#00aa66");
        assertThat(brand.primaryRgb()).isEqualTo("0, 170, 102");
        assertThat(brand.primaryDarker()).isEqualTo("#008852");
        assertThat(Brand.of(null, " #1D4ED8 ", null, null, null).primaryColor()).isEqualTo("#1d4ed8");
    }

    @Test
    void aColourThatIsNotRgbOrRrggbbIsRefusedByName() {
        for (String bad : new String[] {"red", "#12", "#12345", "#1234567", "#ggg", "1d4ed8", "#fff;}body{"}) {
            assertThatThrownBy(() -> Brand.of(null, bad, null, null, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ROSTER_BRAND_PRIMARY_COLOR");
        }
    }

    @Test
    void addressesAreHttpsOrPathsOnRoster() {
        Brand brand = Brand.of("https://cdn.example.com/logo.svg", null, "/favicon.ico", "https://help.example.com",
                "Terms|https://example.com/terms, Status|/status");
        assertThat(brand.logoUrl()).isEqualTo("https://cdn.example.com/logo.svg");
        assertThat(brand.faviconUrl()).isEqualTo("/favicon.ico");
        assertThat(brand.footerLinks()).containsExactly(new Brand.Link("Terms", "https://example.com/terms"),
                new Brand.Link("Status", "/status"));
        for (String bad : new String[] {"http://example.com/logo.png", "javascript:alert(1)", "//evil.example/x",
            "logo.png", "data:image/png;base64,AAAA", "https://", "https://exa mple.com"}) {
            assertThatThrownBy(() -> Brand.of(bad, null, null, null, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ROSTER_BRAND_LOGO_URL");
        }
        assertThatThrownBy(() -> Brand.of(null, null, null, "ftp://example.com", null))
                .hasMessageStartingWith("ROSTER_SUPPORT_URL");
        assertThatThrownBy(() -> Brand.of(null, null, "http://x.example", null, null))
                .hasMessageStartingWith("ROSTER_BRAND_FAVICON_URL");
    }

    @Test
    void aFooterLinkIsLabelBarUrl() {
        for (String bad : new String[] {"Terms", "|https://example.com", "Terms|https://a.example|x", "Terms|http://a.example"}) {
            assertThatThrownBy(() -> Brand.of(null, null, null, null, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ROSTER_FOOTER_LINKS");
        }
    }

    @Test
    void forEmailsRelativeAddressesBecomeAbsolute() {
        Brand brand = Brand.of("/logo.png", null, null, "https://help.example.com", "Status|/status?x=1")
                .absolute(new BaseUrl(URI.create("https://portal.example.com/")));
        assertThat(brand.logoUrl()).isEqualTo("https://portal.example.com/logo.png");
        assertThat(brand.supportUrl()).isEqualTo("https://help.example.com");
        assertThat(brand.footerLinks().getFirst().url()).isEqualTo("https://portal.example.com/status?x=1");
    }
}
