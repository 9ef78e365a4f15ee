package app.roster.user;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Length limits and zxcvbn, the same estimator the page's strength meter runs. No composition rules.
 * A password that is one common password or one word of its context (product, name, email) is refused.
 */
@Component
public class PasswordPolicy {

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
        Strength strength = zxcvbn.measure(password.substring(0, Math.min(password.length(), 100)),
                contextWords(context));
        if (isSingleCommonWord(strength)) {
            return Optional.of("password.common");
        }
        if (strength.getScore() < settings.minScore()) {
            return Optional.of("password.weak");
        }
        return Optional.empty();
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

    private static boolean isSingleCommonWord(Strength strength) {
        List<Match> sequence = strength.getSequence();
        return sequence.size() == 1 && sequence.getFirst().dictionaryName != null
                && List.of("passwords", "user_inputs").contains(sequence.getFirst().dictionaryName);
    }
}
