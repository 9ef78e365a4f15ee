package app.roster.oidc.web;

import app.roster.membership.Permission;
import app.roster.membership.PermissionCatalogue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The permission catalogue as the application pages label it (a client may receive a part of it). */
@Component
class ClientPermissionLabels {

    private final PermissionCatalogue catalogue;
    private final MessageSource messages;

    ClientPermissionLabels(PermissionCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** Key to label, in catalogue order. */
    Map<String, String> all(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        catalogue.all().forEach(permission -> labels.put(permission.key(), label(permission, locale)));
        return labels;
    }

    List<String> of(Collection<String> keys, Locale locale) {
        return catalogue.all().stream().filter(permission -> keys.contains(permission.key()))
                .map(permission -> label(permission, locale)).toList();
    }

    private String label(Permission permission, Locale locale) {
        return permission.builtIn() ? messages.getMessage(permission.messageKey(), null, permission.key(), locale)
                : permission.customLabel(locale);
    }
}
