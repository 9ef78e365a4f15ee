package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionCatalogueTest {

    private static PermissionCatalogue catalogue(List<PermissionSettings.Custom> custom, Map<String, List<String>> presets) {
        return new PermissionCatalogue(new PermissionSettings(custom, presets));
    }

    @Test
    void holdsTheWhmcsKeysPlusUsers() {
        assertThat(catalogue(List.of(), Map.of()).everything()).hasSize(14).contains("profile", "orders", "users");
    }

    @Test
    void operatorsAddTheirOwnPermissionsWithTranslatedLabels() {
        PermissionCatalogue catalogue = catalogue(List.of(new PermissionSettings.Custom("dns", "Manage DNS",
                Map.of("fr", "Gérer le DNS"))), Map.of());
        Permission dns = catalogue.all().getLast();
        assertThat(dns.key()).isEqualTo("dns");
        assertThat(dns.customLabel(Locale.FRENCH)).isEqualTo("Gérer le DNS");
        assertThat(dns.customLabel(Locale.GERMAN)).isEqualTo("Manage DNS");
    }

    @Test
    void presetsExpandAndStarMeansEverything() {
        PermissionCatalogue catalogue = catalogue(List.of(), Map.of("Administrator", List.of("*"),
                "Billing Manager", List.of("orders", "profile", "invoices", "quotes")));
        assertThat(catalogue.presets().get("Administrator")).isEqualTo(catalogue.everything());
        assertThat(catalogue.presets().get("Billing Manager")).containsExactly("profile", "invoices", "quotes", "orders");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThatThrownBy(() -> catalogue(List.of(), Map.of()).requireKnown(List.of("invoices", "root")))
                .isInstanceOf(PermissionCatalogue.UnknownPermission.class).hasMessageContaining("root");
    }

    @Test
    void aBadConfigurationStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> catalogue(List.of(new PermissionSettings.Custom("Bad Key", "x", Map.of())), Map.of()))
                .hasMessageContaining("invalid key 'Bad Key'");
        assertThatThrownBy(() -> catalogue(List.of(new PermissionSettings.Custom("profile", "x", Map.of())), Map.of()))
                .hasMessageContaining("duplicate key 'profile'");
        assertThatThrownBy(() -> catalogue(List.of(), Map.of("Ops", List.of("root"))))
                .hasMessageContaining("presets.Ops: unknown permissions [root]");
    }
}
