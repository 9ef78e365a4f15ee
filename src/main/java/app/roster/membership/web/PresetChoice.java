package app.roster.membership.web;

import java.util.Set;

/** One preset radio of the picker; the page's script ticks its permissions when it is chosen. */
public record PresetChoice(String name, Set<String> keys) {

    public String value() {
        return PermissionsForm.PRESET + name;
    }

    public String keyList() {
        return String.join(" ", keys);
    }
}
