package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Keyset;
import app.roster.shared.SearchTerm;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member search takes several rounds when neither the account's members nor the matching users fit in one
 * chunk: with chunks of 2 to 8, every mix (a prefix rare in the account and common outside it, and the reverse)
 * still gives each matching member once, in id order, and no one else.
 */
@IntegrationTest
class MemberSearchRoundsIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberListing members;

    @AfterEach
    void usualChunks() {
        members.chunks(MemberListing.FIRST_CHUNK, MemberListing.MAX_CHUNK);
    }

    @Test
    void everyMatchingMemberOnceInIdOrderWhateverTheRounds() {
        Rows rows = new Rows(jdbc);
        String word = "rd" + UUID.randomUUID().toString().substring(0, 6);
        long owner = rows.user("owner", "Olga", "Owner");
        long account = rows.account("Rounds", null, owner);
        List<Long> rare = new ArrayList<>();
        List<Long> common = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long outsider = rows.user(word + "rare", "Out", "Sider");
            long member = rows.user(i % 7 == 0 ? word + "rare" : word + "common", "In", "Side" + i);
            rows.member(account, member, "");
            (i % 7 == 0 ? rare : common).add(member);
            if (i % 2 == 0) {
                rows.member(rows.account("Elsewhere " + i, null, outsider), owner, "");
            }
        }
        members.chunks(2, 8);

        for (int limit : new int[] {2, 50}) {
            assertThat(KeysetWalk.all(page -> members.list(account, SearchTerm.of(word + "rare"), page), limit))
                    .extracting(ListedMember::userId).containsExactlyElementsOf(rare);
            assertThat(KeysetWalk.all(page -> members.list(account, SearchTerm.of(word + "common"), page), limit))
                    .extracting(ListedMember::userId).containsExactlyElementsOf(common);
            List<Long> both = new ArrayList<>(rare);
            both.addAll(common);
            assertThat(KeysetWalk.all(page -> members.list(account, SearchTerm.of(word), page), limit))
                    .extracting(ListedMember::userId).containsExactlyElementsOf(both.stream().sorted().toList());
        }
        assertThat(members.list(account, SearchTerm.of(word + "none"), Keyset.first(5)).items())
                .isEmpty();
    }
}
