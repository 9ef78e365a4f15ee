package app.roster.mail;

import app.roster.membership.PermissionCatalogue;
import app.roster.membership.Permission;
import app.roster.shared.Language;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Permissions as the recipient reads them, in catalogue order: built-in ones from the app's bundles
 * ({@code permission.<key>}, the same labels the Client Area shows), operators' own from the catalogue.
 */
@Component
class PermissionLabels {

    private final PermissionCatalogue catalogue;
    private final MessageSource messages;

    PermissionLabels(PermissionCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** Keys the catalogue no longer knows are left out: they grant nothing any more. */
    List<String> of(Collection<String> keys, Locale language) {
        Locale locale = Language.closest(language).locale();
        return catalogue.all().stream()
                .filter(permission -> keys.contains(permission.key()))
                .map(permission -> label(permission, locale))
                .toList();
    }

    private String label(Permission permission, Locale locale) {
        return permission.builtIn()
                ? messages.getMessage(permission.messageKey(), null, permission.key(), locale)
                : permission.customLabel(locale);
    }
}
