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

    @Test
    void refusesTheProductNameRepeatedWithSeparators() {
        assertThat(policy.problem("roster-roster-roster")).contains("password.common");
        assertThat(policy.problem("Roster.Roster.Roster!")).contains("password.common");
        assertThat(policy.problem("ROSTER_roster 2024")).contains("password.common");
    }

    @Test
    void refusesTheCompanyNameWithDigitsOrSymbols() {
        assertThat(policy.problem("acmehosting2024!!", "Acme Hosting")).contains("password.common");
        assertThat(policy.problem("AcmeHosting123456", "Acme Hosting")).contains("password.common");
        assertThat(policy.problem("Acme-Hosting-Acme-Hosting", "Acme Hosting")).contains("password.common");
        assertThat(policy.problem("hosting.acme.2024", "Acme Hosting")).contains("password.common");
    }

    @Test
    void acceptsAStrongPasswordThatMerelyContainsAContextWord() {
        assertThat(policy.problem("acme violet tractor spoon", "Acme Hosting")).isEmpty();
        assertThat(policy.problem("roster-Qz7#mK2vLp9w")).isEmpty();
    }

    @Test
    void ignoresContextWordsTooShortToMean() {
        assertThat(policy.problem("jo purple giraffe lamp", "Jo", "A")).isEmpty();
    }
}
