package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountProfileTest {

    @Test
    void listsOnlyTheChangedFieldsWithBeforeAndAfter() {
        AccountProfile before = AccountProfile.named("Jane Doe");
        AccountProfile after = new AccountProfile("Jane Doe", "Acme Ltd", null, null, null, null, null, "GB", null, null);
        assertThat(before.changesTo(after))
                .containsExactly(java.util.Map.entry("companyName", " -> Acme Ltd"), java.util.Map.entry("country", " -> GB"));
    }

    @Test
    void noChangeIsEmpty() {
        assertThat(AccountProfile.named("A").changesTo(AccountProfile.named("A"))).isEmpty();
    }
}
