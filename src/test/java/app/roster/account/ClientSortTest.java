package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientSortTest {

    @Test
    void parsesAColumnAndADirectionAndFallsBackToIdForAnythingElse() {
        assertThat(ClientSort.parse("-created")).isEqualTo(new ClientSort(ClientSort.Column.CREATED, true));
        assertThat(ClientSort.parse(" name ")).isEqualTo(new ClientSort(ClientSort.Column.NAME, false));
        assertThat(ClientSort.parse("a.id; DROP TABLE accounts")).isEqualTo(ClientSort.DEFAULT);
        assertThat(ClientSort.parse(null)).isEqualTo(ClientSort.DEFAULT);
        assertThat(ClientSort.parse("--name")).isEqualTo(ClientSort.DEFAULT);
    }

    @Test
    void aHeaderLinkReversesTheCurrentColumnAndStartsAnotherAscending() {
        ClientSort byName = ClientSort.parse("name");

        assertThat(byName.toggle("name")).isEqualTo("-name");
        assertThat(ClientSort.parse("-name").toggle("name")).isEqualTo("name");
        assertThat(byName.toggle("created")).isEqualTo("created");
        assertThat(byName.ariaSort("name")).isEqualTo("ascending");
        assertThat(ClientSort.parse("-name").ariaSort("name")).isEqualTo("descending");
        assertThat(byName.ariaSort("id")).isEqualTo("none");
    }

    @Test
    void ordersByTheColumnThenByIdInTheSameDirection() {
        assertThat(ClientSort.parse("-created").orderBy()).isEqualTo(" ORDER BY a.created_at DESC, a.id DESC");
        assertThat(ClientSort.DEFAULT.orderBy()).isEqualTo(" ORDER BY a.id");
    }
}
