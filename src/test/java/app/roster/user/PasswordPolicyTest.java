package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new UserSettings(
            new UserSettings.Password(12, 256, 2), null, null), "Roster");

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThat(policy.problem("correct horse battery staple")).isEmpty();
    }

    @Test
    void refusesTooShort() {
        assertThat(policy.problem("Xk9!qz")).contains("password.tooShort");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.problem("ääääääääääää".repeat(1))).isNotEqualTo(java.util.Optional.of("password.tooShort"));
    }

    @Test
    void refusesTooLong() {
        assertThat(policy.problem("a".repeat(257))).contains("password.tooLong");
    }

    @Test
    void refusesACommonPassword() {
        assertThat(policy.problem("password1234")).isPresent();
        assertThat(policy.problem("qwertyuiop123")).isPresent();
    }

    @Test
    void refusesTheWordsOfItsContext() {
        assertThat(policy.problem("janedoeexample", "janedoe@example.com", "Jane", "Doe")).isPresent();
        assertThat(policy.problem("RosterRoster12")).isPresent();
    }
}
