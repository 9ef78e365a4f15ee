package app.roster.membership.web;

import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The All / preset / Choose picker of "Manage Permissions" and of the invitation pages: a manager is offered only
 * what they hold; the other boxes are disabled with the reason. The use cases decide; this only shows.
 */
@Component
public class PermissionPicker {

    private final PermissionCatalogue catalogue;

    PermissionPicker(PermissionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public void show(CurrentAccount current, Set<String> chosen, Model model) {
        model.addAttribute("choices", catalogue.all().stream()
                .map(p -> new PermissionChoice(p, chosen.contains(p.key()), current.may(p.key()))).toList());
        model.addAttribute("presets", new TreeSet<>(catalogue.presets().keySet()));
    }

    /** What "All Permissions" means for this manager: the catalogue for the owner, their own permissions otherwise. */
    public Set<String> grantable(CurrentAccount current) {
        Set<String> grantable = new LinkedHashSet<>();
        catalogue.all().stream().filter(p -> current.may(p.key())).forEach(p -> grantable.add(p.key()));
        return grantable;
    }

    public Set<String> requested(CurrentAccount current, PermissionsForm form) {
        return form.requested(grantable(current), catalogue.presets());
    }
}
