package app.roster.api;

import java.util.List;

/** The credential lacks a scope the route needs: 403, naming the scopes. */
class MissingScope extends RuntimeException {

    private final List<Scope> required;

    MissingScope(List<Scope> required) {
        super("Missing scope " + required, null, false, false);
        this.required = List.copyOf(required);
    }

    List<Scope> required() {
        return required;
    }
}
