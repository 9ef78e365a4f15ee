package app.roster.user;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The context words of a password that a known user sets: their address and name, and their accounts'. */
@Component
class PasswordWords {

    private final List<PasswordContext> contexts;

    PasswordWords(List<PasswordContext> contexts) {
        this.contexts = contexts;
    }

    String[] of(User user) {
        List<String> words = new ArrayList<>(List.of(user.email().value(), user.firstName(), user.lastName()));
        contexts.forEach(context -> words.addAll(context.wordsFor(user.id())));
        return words.toArray(String[]::new);
    }
}
