package app.scimconsole.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {
    private static final String README = "# Title\n\nBefore.\n\n" + PeerComparison.BEGIN + "\n" + PeerComparison.END + "\n\nAfter.\n";

    @Test
    void theTableReplacesOnlyTheMarkedBlockAndASecondRunReplacesTheFirst() {
        String once = PeerComparison.withTable(README, "figure  ours 1\nrow        1\n");
        assertEquals("# Title\n\nBefore.\n\n" + PeerComparison.BEGIN + "\n```\nfigure  ours 1\nrow        1\n```\n"
                + PeerComparison.END + "\n\nAfter.\n", once);
        String twice = PeerComparison.withTable(once, "figure  ours 1\nrow        2\n");
        assertEquals(once.replace("row        1", "row        2"), twice);
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefusedRatherThanAppendedTo() {
        assertThrows(IllegalStateException.class, () -> PeerComparison.withTable("# Title\n", "table"));
    }

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, PeerComparison.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(3.0, PeerComparison.median(List.of(5.0, 3.0, 1.0)));
    }
}
