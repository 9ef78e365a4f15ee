package app.roster.user;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Length limits and zxcvbn, the same estimator the page's strength meter runs. No composition rules.
 * A password made only of common passwords and words of its context (product, name, email), with at
 * most a few digits or symbols between them, is refused.
 */
@Component
public class PasswordPolicy {

    /** Shorter context words ("Jo", an initial) would cut random letters out of good passwords. */
    private static final int MIN_CONTEXT_WORD = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final UserSettings.Password settings;
    private final String productName;

    PasswordPolicy(UserSettings settings, @Value("${roster.product-name:Roster}") String productName) {
        this.settings = settings.password();
        this.productName = productName;
    }

    public int minLength() {
        return settings.minLength();
    }

    public int maxLength() {
        return settings.maxLength();
    }

    /** The message key of the first problem, or empty when the password is acceptable. */
    public Optional<String> problem(String password, String... context) {
        if (password == null || password.codePointCount(0, password.length()) < settings.minLength()) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > settings.maxLength()) {
            return Optional.of("password.tooLong");
        }
        // zxcvbn's cost grows with length; past 100 characters the estimate no longer changes anything.
        List<String> words = contextWords(context);
        Strength strength = zxcvbn.measure(password.substring(0, Math.min(password.length(), 100)), words);
        if (madeOfListedWords(strength.getSequence(), lowerCase(words)) || !strongWithoutContext(password, words)) {
            return Optional.of("password.common");
        }
        if (strength.getScore() < settings.minScore()) {
            return Optional.of("password.weak");
        }
        return Optional.empty();
    }

    /**
     * zxcvbn sees "roster-roster-roster" as a repeat of "roster-" and "AcmeHosting2024" as unknown words, so the
     * context words are also taken out of the password after folding case and dropping separators: what is
     * left ("", "2024") must be strong on its own.
     */
    private boolean strongWithoutContext(String password, List<String> words) {
        String rest = folded(password);
        List<String> longestFirst = words.stream().map(PasswordPolicy::folded)
                .filter(word -> word.length() >= MIN_CONTEXT_WORD).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String word : longestFirst) {
            rest = rest.replace(word, "");
        }
        return !rest.isEmpty()
                && zxcvbn.measure(rest.substring(0, Math.min(rest.length(), 100)), words).getScore() >= settings.minScore();
    }

    /** Lower case, letters and digits only: "Acme-Hosting" and "acme hosting" are the same word here. */
    private static String folded(String text) {
        return text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static Set<String> lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private List<String> contextWords(String... context) {
        List<String> words = new ArrayList<>();
        words.add(productName);
        for (String value : context) {
            if (value != null && !value.isBlank()) {
                words.add(value);
                words.addAll(List.of(value.split("[@.\\s_+-]+")));
            }
        }
        return words;
    }

    /** Every part is a common password or a word of the context: "Jane" + "Doe" + "2024", "RosterRoster" too. */
    private static boolean madeOfListedWords(List<Match> sequence, Set<String> context) {
        boolean anyWord = false;
        for (Match match : sequence) {
            boolean listed = "passwords".equals(match.dictionaryName) || "user_inputs".equals(match.dictionaryName)
                    || (match.baseToken != null && context.contains(match.baseToken.toString().toLowerCase(Locale.ROOT)))
                    || (match.baseMatches != null && !match.baseMatches.isEmpty()
                            && madeOfListedWords(match.baseMatches, context));
            boolean filler = !listed && match.token.length() <= 4;
            if (!listed && !filler) {
                return false;
            }
            anyWord |= listed;
        }
        return anyWord;
    }
}
