package app.roster.membership.web;

import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The All / preset / Choose picker of "Manage Permissions" and of the invitation pages. A manager is offered only what
 * they hold: All Permissions and a preset only when they hold every permission in it, and the boxes they lack are
 * disabled with one shared reason. A crafted post of what was not offered is refused; the use cases decide the rest.
 */
@Component
public class PermissionPicker {

    private final PermissionCatalogue catalogue;

    PermissionPicker(PermissionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The edit page's form: All Permissions when the user holds everything and the manager may grant it all. */
    public PermissionsForm form(CurrentAccount current, Set<String> held, long version) {
        return PermissionsForm.of(held, offersAll(current) && held.containsAll(everything()), version);
    }

    public void show(CurrentAccount current, PermissionsForm form, Model model) {
        Set<String> grantable = grantable(current);
        Map<String, Set<String>> presets = offeredPresets(grantable);
        model.addAttribute("offersAll", offersAll(current));
        model.addAttribute("presets", presets.entrySet().stream()
                .map(preset -> new PresetChoice(preset.getKey(), preset.getValue())).toList());
        model.addAttribute("choices", catalogue.all().stream()
                .map(p -> new PermissionChoice(p, form.shows(p.key(), grantable.contains(p.key()), presets),
                        form.chose(p.key()), grantable.contains(p.key())))
                .toList());
        model.addAttribute("someNotHeld", grantable.size() < catalogue.all().size());
    }

    /** What the form asks for; All Permissions or a preset that was not offered is refused, not trimmed. */
    public Set<String> requested(CurrentAccount current, PermissionsForm form) {
        Set<String> grantable = grantable(current);
        if (form.asksForAll() && !offersAll(current)) {
            throw new MembershipRefused("membership.refused.notHeld");
        }
        Set<String> requested = form.requested(everything(), catalogue.presets());
        if (form.asksForPreset() && !grantable.containsAll(requested)) {
            throw new MembershipRefused("membership.refused.notHeld");
        }
        return requested;
    }

    private boolean offersAll(CurrentAccount current) {
        return grantable(current).size() == catalogue.all().size();
    }

    private Map<String, Set<String>> offeredPresets(Set<String> grantable) {
        Map<String, Set<String>> offered = new TreeMap<>();
        catalogue.presets().forEach((name, keys) -> {
            if (grantable.containsAll(keys)) {
                offered.put(name, keys);
            }
        });
        return offered;
    }

    private Set<String> grantable(CurrentAccount current) {
        Set<String> grantable = new LinkedHashSet<>();
        catalogue.all().stream().filter(p -> current.may(p.key())).forEach(p -> grantable.add(p.key()));
        return grantable;
    }

    private Set<String> everything() {
        return catalogue.everything();
    }
}
