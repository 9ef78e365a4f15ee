package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aCountedListNumberedFromOneKnowsItsPagesAndNeighbours() {
        Page.Request wanted = Page.Request.fromOne(2, 25).within(60);
        Page<Integer> page = wanted.of(rows(25), 60);

        assertThat(wanted.offset()).isEqualTo(25);
        assertThat(page.position()).isEqualTo(2);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
        assertThat(page.previous()).isEqualTo(1);
        assertThat(page.next()).isEqualTo(3);
        assertThat(page.paged()).isTrue();
        assertThat(page.knowsTotal()).isTrue();
    }

    @Test
    void aNumberPastTheEndIsTheLastPageAndOneBelowTheFirstIsTheFirst() {
        assertThat(Page.Request.fromOne(99, 25).within(60).number()).isEqualTo(3);
        assertThat(Page.Request.fromOne(-4, 25).within(60).number()).isEqualTo(1);
        assertThat(Page.Request.fromZero(99, 10).within(25).number()).isEqualTo(2);
        assertThat(Page.Request.fromZero(-1, 10).within(25).number()).isZero();
        assertThat(Page.Request.fromOne(5, 25).within(0).number()).as("an empty list has one page").isEqualTo(1);
    }

    @Test
    void theClientAreasNumbersStartAtZeroWhileThePositionStartsAtOne() {
        Page<Integer> last = Page.Request.fromZero(2, 10).within(25).of(rows(5), 25);

        assertThat(last.number()).isEqualTo(2);
        assertThat(last.position()).isEqualTo(3);
        assertThat(last.totalPages()).isEqualTo(3);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.previous()).isEqualTo(1);
    }

    @Test
    void aSinglePageShowsNoPager() {
        Page<Integer> only = Page.Request.fromOne(1, 25).within(25).of(rows(25), 25);

        assertThat(only.paged()).isFalse();
        assertThat(Page.Request.fromOne(1, 25).of(List.of(), 0).isEmpty()).isTrue();
    }

    @Test
    void aProbedListLooksOneRowAheadAndDropsIt() {
        Page<Integer> first = Page.Request.fromZero(0, 25).probed(rows(26));
        Page<Integer> last = Page.Request.fromZero(1, 25).probed(rows(3));

        assertThat(first.items()).hasSize(25);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.knowsTotal()).isFalse();
        assertThat(first.paged()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
    }

    @Test
    void noNumberMakesAnOffsetBeyondAnInt() {
        Page.Request far = Page.Request.fromZero(Integer.MAX_VALUE, 25);

        assertThat(far.offset()).isPositive().isGreaterThan(Integer.MAX_VALUE - 25);
        assertThat(Page.pagesOf(Long.MAX_VALUE - 1, 1)).isEqualTo(Integer.MAX_VALUE);
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
