package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The credential's text: recognisable prefix, public key id, 256-bit secret, nothing else accepted. */
class CredentialTest {

    @Test
    void aGeneratedCredentialReadsBackAndMatchesOnlyItsOwnHash() {
        Credential key = Credential.generate(Credential.Kind.API_KEY);
        Credential token = Credential.generate(Credential.Kind.TOKEN);

        assertThat(key.text()).startsWith("roster_pk_").hasSize("roster_pk_".length() + 16 + 1 + 43);
        assertThat(token.text()).startsWith("roster_pat_");
        assertThat(Credential.parse(key.text())).contains(key);
        assertThat(Credential.parse(token.text())).contains(token);
        assertThat(key.matches(key.hash())).isTrue();
        assertThat(key.matches(token.hash())).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain(key.secret());
    }

    @Test
    void anythingElseIsNotACredential() {
        String valid = Credential.generate(Credential.Kind.API_KEY).text();

        assertThat(Credential.parse(null)).isEmpty();
        assertThat(Credential.parse("")).isEmpty();
        assertThat(Credential.parse(valid.substring(0, valid.length() - 1))).isEmpty();
        assertThat(Credential.parse(valid + "x")).isEmpty();
        assertThat(Credential.parse(" " + valid)).isEmpty();
        assertThat(Credential.parse(valid.replace("roster_pk_", "roster_xx_"))).isEmpty();
        assertThat(Credential.parse(valid.replace("roster_pk_", "ROSTER_PK_"))).isEmpty();
        assertThat(Credential.parse("roster_pk_" + "g".repeat(16) + "_" + "a".repeat(43))).isEmpty();
    }

    @Test
    void sourceAddressesMatchAddressesAndRangesOfBothFamilies() {
        SourceAddresses sources = SourceAddresses.parse("203.0.113.7, 198.51.100.0/24\n2001:db8::/32").orElseThrow();

        assertThat(sources.allows("203.0.113.7")).isTrue();
        assertThat(sources.allows("203.0.113.8")).isFalse();
        assertThat(sources.allows("198.51.100.254")).isTrue();
        assertThat(sources.allows("198.51.101.1")).isFalse();
        assertThat(sources.allows("2001:db8:1::5")).isTrue();
        assertThat(sources.allows("2001:db9::5")).isFalse();
        assertThat(sources.allows("not-an-address")).isFalse();
        assertThat(SourceAddresses.parse("10.0.0.0/12").orElseThrow().allows("10.15.255.255")).isTrue();
        assertThat(SourceAddresses.parse("10.0.0.0/12").orElseThrow().allows("10.16.0.0")).isFalse();
        assertThat(SourceAddresses.parse("").orElseThrow().allows("192.0.2.1")).isTrue();
    }

    @Test
    void sourceAddressesRefuseNamesAndBrokenRanges() {
        assertThat(SourceAddresses.parse("example.com")).isEmpty();
        assertThat(SourceAddresses.parse("10.0.0.0/33")).isEmpty();
        assertThat(SourceAddresses.parse("10.0.0.0/")).isEmpty();
        assertThat(SourceAddresses.parse("2001:db8::/129")).isEmpty();
        assertThat(SourceAddresses.parse("999.1.1.1")).isEmpty();
        assertThat(SourceAddresses.parse("10.0.0.1, localhost")).isEmpty();
    }
}
