package app.roster.membership.api;

import app.roster.api.RequiresScope;
import app.roster.membership.Permission;
import app.roster.membership.PermissionCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The permission catalogue and presets, labelled in the caller's language. */
@RestController
@Tag(name = "Permissions", description = "What an account can grant")
class PermissionsApiController {

    private final PermissionCatalogue catalogue;
    private final MessageSource messages;

    PermissionsApiController(PermissionCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Schema(name = "Permission")
    record PermissionResponse(@Schema(example = "invoices") String key,
            @Schema(example = "View & Pay Invoices") String label,
            @Schema(description = "Shown with a warning: view and change the account's details, billing included")
            boolean sensitive,
            @Schema(description = "Part of Roster's default catalogue rather than the operator's own") boolean builtIn) {
    }

    @Schema(name = "Preset")
    record PresetResponse(@Schema(example = "Billing Manager") String name,
            @Schema(example = "[\"profile\", \"invoices\", \"quotes\", \"orders\"]") Set<String> permissions) {
    }

    @Schema(name = "PermissionCatalogue")
    record CatalogueResponse(List<PermissionResponse> permissions, List<PresetResponse> presets) {
    }

    @GetMapping(path = "/api/v1/permissions", produces = "application/json")
    @RequiresScope({})
    @Operation(summary = "The permission catalogue and presets", description = """
            Every permission an account can grant, in catalogue order, with its label in the language of \
            `Accept-Language` (English, French or German), and the operator's named presets. Any valid credential \
            may read it.""")
    CatalogueResponse catalogue(Locale locale) {
        List<PermissionResponse> permissions = catalogue.all().stream()
                .map(permission -> new PermissionResponse(permission.key(), label(permission, locale),
                        permission.sensitive(), permission.builtIn()))
                .toList();
        List<PresetResponse> presets = catalogue.presets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(preset -> new PresetResponse(preset.getKey(), preset.getValue())).toList();
        return new CatalogueResponse(permissions, presets);
    }

    private String label(Permission permission, Locale locale) {
        return permission.builtIn() ? messages.getMessage(permission.messageKey(), null, permission.key(), locale)
                : permission.customLabel(locale);
    }
}
