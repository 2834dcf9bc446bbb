package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An ordering check lists its items neither in the answer's order nor alphabetically, and the same each time. */
class ChecksOrderingTest {

    static final List<String> ITEMS = List.of("first", "second", "third", "fourth", "fifth");

    @Test
    void itemsAreScrambledTheSameWayOnEveryVisit() {
        List<String> shown = Checks.scrambled(ITEMS, "Put the steps in order").stream().map(Checks.Option::label).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(ITEMS).isNotEqualTo(ITEMS)
                .isNotEqualTo(ITEMS.stream().sorted().toList());
        assertThat(Checks.scrambled(ITEMS, "Put the steps in order").stream().map(Checks.Option::label).toList())
                .isEqualTo(shown);
        assertThat(Checks.scrambled(ITEMS, "Put the steps in order")).allSatisfy(o ->
                assertThat(ITEMS.get(Integer.parseInt(o.value()))).isEqualTo(o.label()));
    }
}
