package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.membership.PermissionSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PermissionLabelsTest {

    private final PermissionLabels labels = new PermissionLabels(catalogueWithBackups(), accountMessages());

    @Test
    void builtInPermissionsUseTheBundleLabelsInCatalogueOrder() {
        assertThat(labels.of(Set.of("users", "invoices"), Locale.GERMAN))
                .containsExactly("Rechnungen ansehen und bezahlen", "Benutzer verwalten");
    }

    @Test
    void customPermissionsUseTheirTranslatedLabelOrTheDefaultOne() {
        assertThat(labels.of(Set.of("backups"), Locale.GERMAN)).containsExactly("Sicherungen verwalten");
        assertThat(labels.of(Set.of("backups"), Locale.FRENCH)).containsExactly("Manage Backups");
    }

    @Test
    void keysNoLongerInTheCatalogueAreLeftOut() {
        assertThat(labels.of(Set.of("gone", "domains"), Locale.ENGLISH)).containsExactly("View Domains");
    }

    private static PermissionCatalogue catalogueWithBackups() {
        return new PermissionCatalogue(new PermissionSettings(List.of(new PermissionSettings.Custom("backups",
                "Manage Backups", Map.of("de", "Sicherungen verwalten"))), Map.of()));
    }

    private static ResourceBundleMessageSource accountMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/account");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
